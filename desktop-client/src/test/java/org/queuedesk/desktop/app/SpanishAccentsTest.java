package org.queuedesk.desktop.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Every Spanish text of the desktop app is free of the known accent-less misspellings listed in
 * {@code spanish-missing-accents.txt} (the server's texts have the same test and list).
 */
class SpanishAccentsTest {

    @Test
    void spanishMessagesHaveTheirAccents() throws IOException {
        var properties = new Properties();
        try (InputStream in = SpanishAccentsTest.class.getResourceAsStream("/org/queuedesk/desktop/messages_es.properties")) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        List<String> misspelt = new ArrayList<>();
        for (String word : knownMisspellings()) {
            var pattern = Pattern.compile("(?<![\\p{L}])" + word + "(?![\\p{L}])", Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
            properties.forEach((key, value) -> {
                if (pattern.matcher((String) value).find()) {
                    misspelt.add(key + ": '" + word + "' in " + value);
                }
            });
        }
        assertThat(properties).hasSizeGreaterThan(100);
        assertThat(misspelt).isEmpty();
    }

    private static List<String> knownMisspellings() throws IOException {
        try (InputStream in = SpanishAccentsTest.class.getResourceAsStream("spanish-missing-accents.txt")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().map(String::strip)
                    .filter(line -> !line.isEmpty() && !line.startsWith("#")).map(w -> w.toLowerCase(Locale.ROOT)).toList();
        }
    }
}
