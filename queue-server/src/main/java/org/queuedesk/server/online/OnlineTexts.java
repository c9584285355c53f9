package org.queuedesk.server.online;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/** The online pages' words (and the code's text message) per language: resources {@code online_xx.properties}. */
public final class OnlineTexts {

    static final List<String> LANGUAGES = List.of("en", "es", "ar");
    private final Map<String, Map<String, String>> texts = new HashMap<>();

    public OnlineTexts() {
        for (String language : LANGUAGES) {
            var properties = new Properties();
            try (var in = OnlineTexts.class.getResourceAsStream("online_" + language + ".properties")) {
                properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            var map = new HashMap<String, String>();
            properties.forEach((k, v) -> map.put((String) k, (String) v));
            texts.put(language, Map.copyOf(map));
        }
    }

    String get(String language, String key) {
        String value = texts.getOrDefault(language, texts.get("en")).get(key);
        return value != null ? value : texts.get("en").getOrDefault(key, key);
    }

    Map<String, String> all(String language) {
        var all = new HashMap<String, String>();
        texts.get("en").keySet().forEach(key -> all.put(key, get(language, key)));
        return all;
    }

    /**
     * The page's language: {@code ?lang=} or the form's (the switch and the steps keep it), else the browser's
     * Accept-Language in its order of preference, else English.
     */
    static String language(String chosen, String acceptLanguage) {
        if (chosen != null && LANGUAGES.contains(chosen.strip().toLowerCase(Locale.ROOT))) {
            return chosen.strip().toLowerCase(Locale.ROOT);
        }
        if (acceptLanguage != null) {
            try {
                for (var range : Locale.LanguageRange.parse(acceptLanguage)) {
                    String primary = range.getRange().split("-")[0];
                    if (range.getWeight() > 0 && LANGUAGES.contains(primary)) {
                        return primary;
                    }
                }
            } catch (IllegalArgumentException malformed) {
                return "en";
            }
        }
        return "en";
    }
}
