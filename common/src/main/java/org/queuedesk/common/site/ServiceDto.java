package org.queuedesk.common.site;

import java.util.Locale;
import java.util.Map;

/**
 * A queue at a site, e.g. "General practice" with prefix "A". {@code names} holds its name in other languages
 * ({@code {"es": "Medicina general"}}); patients see {@link #nameIn} their language.
 */
public record ServiceDto(long id, long siteId, String name, String prefix, int almostTurnPosition, boolean active,
                         Map<String, String> names) {

    public ServiceDto {
        names = LocalNames.copyOf(names);
    }

    /** A service with no names of its own in other languages. */
    public ServiceDto(long id, long siteId, String name, String prefix, int almostTurnPosition, boolean active) {
        this(id, siteId, name, prefix, almostTurnPosition, active, Map.of());
    }

    /** Its name in {@code language} ("es", "es-ES"), or the default name when it has none in it. */
    public String nameIn(String language) {
        return LocalNames.in(names, name, language);
    }

    public String nameIn(Locale locale) {
        return nameIn(locale == null ? null : locale.getLanguage());
    }
}
