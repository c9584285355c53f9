package org.queuedesk.server.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Every Spanish text a patient can see from the server (text messages, status page, web board) is free of
 * the known accent-less misspellings listed in {@code spanish-missing-accents.txt} (e.g. "Sigalo" for "Sígalo").
 */
class SpanishAccentsTest {

    @Test
    void spanishTextsHaveTheirAccents() throws IOException {
        List<String> texts = new ArrayList<>();
        texts.addAll(values("/org/queuedesk/server/notify/sms_es.properties"));
        texts.addAll(values("/org/queuedesk/server/status/page_es.properties"));
        texts.addAll(boardWords("es"));
        assertThat(texts).as("Spanish texts found").hasSizeGreaterThan(20);

        List<String> misspelt = new ArrayList<>();
        for (String text : texts) {
            for (String word : knownMisspellings()) {
                if (Pattern.compile("(?<![\\p{L}])" + word + "(?![\\p{L}])", Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE)
                        .matcher(text).find()) {
                    misspelt.add("'" + word + "' in: " + text);
                }
            }
        }
        assertThat(misspelt).isEmpty();
    }

    @Test
    void theListCatchesTheMisspellingTheIssueReported() throws IOException {
        assertThat(knownMisspellings()).contains("sigalo");
    }

    static List<String> knownMisspellings() throws IOException {
        try (InputStream in = SpanishAccentsTest.class.getResourceAsStream("spanish-missing-accents.txt")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().map(String::strip)
                    .filter(line -> !line.isEmpty() && !line.startsWith("#")).map(w -> w.toLowerCase(Locale.ROOT)).toList();
        }
    }

    private static List<String> values(String resource) throws IOException {
        var properties = new Properties();
        try (InputStream in = SpanishAccentsTest.class.getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties.values().stream().map(String.class::cast).toList();
    }

    /** The board's words in one language: the {@code xx: { key: '…', … }} block of its script, unescaped. */
    private static List<String> boardWords(String language) throws IOException {
        String page;
        try (InputStream in = SpanishAccentsTest.class.getResourceAsStream("/org/queuedesk/server/display/board.html")) {
            page = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Matcher block = Pattern.compile("\\n\\s*" + language + ": \\{(.*?)}", Pattern.DOTALL).matcher(page);
        assertThat(block.find()).as("the board's " + language + " words").isTrue();
        List<String> words = new ArrayList<>();
        Matcher value = Pattern.compile("'((?:[^'\\\\]|\\\\.)*)'").matcher(block.group(1));
        while (value.find()) {
            words.add(unescape(value.group(1)));
        }
        return words;
    }

    private static String unescape(String js) {
        Matcher u = Pattern.compile("\\\\u([0-9a-fA-F]{4})").matcher(js);
        var out = new StringBuilder();
        while (u.find()) {
            u.appendReplacement(out, Matcher.quoteReplacement(String.valueOf((char) Integer.parseInt(u.group(1), 16))));
        }
        u.appendTail(out);
        return out.toString();
    }
}
