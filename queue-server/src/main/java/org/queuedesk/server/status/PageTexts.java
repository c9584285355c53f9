package org.queuedesk.server.status;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/** The status page's words in each language (resources {@code page_xx.properties}, UTF-8). */
public final class PageTexts {

    public static final List<String> LANGUAGES = List.of("en", "es", "ar");
    private final Map<String, Map<String, String>> texts = new HashMap<>();

    public PageTexts() {
        for (String language : LANGUAGES) {
            var properties = new Properties();
            try (var in = PageTexts.class.getResourceAsStream("page_" + language + ".properties")) {
                properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            var map = new HashMap<String, String>();
            properties.forEach((k, v) -> map.put((String) k, (String) v));
            texts.put(language, Map.copyOf(map));
        }
    }

    public String get(String language, String key) {
        String value = texts.getOrDefault(language, texts.get("en")).get(key);
        return value != null ? value : texts.get("en").getOrDefault(key, key);
    }

    public Map<String, String> all(String language) {
        return texts.getOrDefault(language, texts.get("en"));
    }

    public static boolean rightToLeft(String language) {
        return "ar".equals(language);
    }
}
