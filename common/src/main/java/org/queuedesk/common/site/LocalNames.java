package org.queuedesk.common.site;

import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * A service's or room's names per language ({@code {"es": "Análisis de sangre"}}), next to its default name.
 * Shown to patients in their language; a language without its own name shows the default name.
 */
public final class LocalNames {

    private LocalNames() {
    }

    /** An unmodifiable copy without blank names, keyed by lower-case language code (never null). */
    public static Map<String, String> copyOf(Map<String, String> names) {
        if (names == null || names.isEmpty()) {
            return Map.of();
        }
        var copy = new TreeMap<String, String>();
        names.forEach((language, name) -> {
            if (language != null && name != null && !name.isBlank()) {
                copy.put(language.strip().toLowerCase(Locale.ROOT), name.strip());
            }
        });
        return java.util.Collections.unmodifiableMap(copy);
    }

    /** The name in {@code language} ("es", "es-ES", "ar"), else the default name. */
    public static String in(Map<String, String> names, String defaultName, String language) {
        if (language == null || language.isBlank()) {
            return defaultName;
        }
        String primary = language.strip().toLowerCase(Locale.ROOT).split("[-_]")[0];
        return names.getOrDefault(primary, defaultName);
    }
}
