package org.queuedesk.common.site;

import java.util.Locale;
import java.util.Map;

/** A consulting room that patients are called to; {@code names} as in {@link ServiceDto}. */
public record RoomDto(long id, long siteId, String name, Map<String, String> names) {

    public RoomDto {
        names = LocalNames.copyOf(names);
    }

    /** A room with no names of its own in other languages. */
    public RoomDto(long id, long siteId, String name) {
        this(id, siteId, name, Map.of());
    }

    /** Its name in {@code language} ("ar"), or the default name when it has none in it. */
    public String nameIn(String language) {
        return LocalNames.in(names, name, language);
    }

    public String nameIn(Locale locale) {
        return nameIn(locale == null ? null : locale.getLanguage());
    }
}
