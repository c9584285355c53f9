package org.queuedesk.desktop.admin;

import java.util.LinkedHashMap;
import java.util.Map;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * A service's or room's names in the other languages the desks and patients' screens show (README: "a language
 * left out shows the default name"). English is the default name itself.
 */
final class Names {

    final StringProperty spanish = new SimpleStringProperty(this, "es", "");
    final StringProperty arabic = new SimpleStringProperty(this, "ar", "");

    /** What the server takes: every language, an empty one meaning "the default name again". */
    Map<String, String> toRequest() {
        Map<String, String> names = new LinkedHashMap<>();
        names.put("es", spanish.get().strip());
        names.put("ar", arabic.get().strip());
        return names;
    }

    /** Only the languages given, for a create request (null when none: the server's default). */
    Map<String, String> givenOrNull() {
        Map<String, String> names = new LinkedHashMap<>();
        toRequest().forEach((language, name) -> {
            if (!name.isEmpty()) {
                names.put(language, name);
            }
        });
        return names.isEmpty() ? null : names;
    }

    void show(Map<String, String> names) {
        spanish.set(names == null ? "" : names.getOrDefault("es", ""));
        arabic.set(names == null ? "" : names.getOrDefault("ar", ""));
    }

    void clear() {
        show(Map.of());
    }
}
