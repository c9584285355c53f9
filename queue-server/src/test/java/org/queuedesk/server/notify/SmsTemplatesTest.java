package org.queuedesk.server.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every default text in every language, filled with long values, fits in two SMS. */
class SmsTemplatesTest {

    private final SmsTemplates templates = new SmsTemplates();
    private final SmsService sizing = new SmsService(null, templates, null, null, null, null);

    @Test
    void everyDefaultTextFitsInTwoSegments() {
        var tooLong = new ArrayList<String>();
        System.out.printf("%-4s %-13s %-6s %5s %4s  %s%n", "lang", "kind", "coding", "chars", "segs", "text (long values)");
        for (String language : SmsTemplates.LANGUAGES) {
            for (SmsKind kind : SmsKind.values()) {
                String text = sizing.renderLongest(templates.defaultText(language, kind), language);
                int segments = SmsSegments.count(text);
                System.out.printf("%-4s %-13s %-6s %5d %4d  %s%n", language, kind.wireName(), SmsSegments.encoding(text),
                        text.length(), segments, text);
                if (segments > SmsService.MAX_SEGMENTS) {
                    tooLong.add(language + "/" + kind.wireName() + " takes " + segments);
                }
            }
        }
        assertThat(tooLong).as("texts over %d segments", SmsService.MAX_SEGMENTS).isEmpty();
    }

    @Test
    void everyLanguageHasEveryTextWithAllPlaceholdersFilled() {
        for (String language : SmsTemplates.LANGUAGES) {
            for (SmsKind kind : SmsKind.values()) {
                String template = templates.defaultText(language, kind);
                assertThat(template).as(language + "/" + kind).isNotBlank();
                assertThat(SmsTemplates.unknownPlaceholders(template)).isEmpty();
                assertThat(sizing.renderLongest(template, language)).as(language + "/" + kind).doesNotContain("{", "}");
            }
        }
        assertThat(templates.defaultText("es", SmsKind.YOUR_TURN)).isNotEqualTo(templates.defaultText("en", SmsKind.YOUR_TURN));
        assertThat(templates.defaultText("ar", SmsKind.YOUR_TURN)).isNotEqualTo(templates.defaultText("en", SmsKind.YOUR_TURN));
    }

    @Test
    void theLanguageFallsBackToTheSiteThenEnglish() {
        assertThat(SmsTemplates.language("es-MX", "en")).isEqualTo("es");
        assertThat(SmsTemplates.language("fr", "ar")).isEqualTo("ar");
        assertThat(SmsTemplates.language(null, "de")).isEqualTo("en");
    }

    @Test
    void countsSegmentsForGsmAndUnicodeTexts() {
        assertThat(SmsSegments.count("a".repeat(160))).isEqualTo(1);
        assertThat(SmsSegments.count("a".repeat(161))).isEqualTo(2);
        assertThat(SmsSegments.count("€".repeat(80))).as("extension characters count twice").isEqualTo(1);
        assertThat(SmsSegments.count("€".repeat(81))).isEqualTo(2);
        assertThat(SmsSegments.count("á".repeat(70))).isEqualTo(1);
        assertThat(SmsSegments.count("á".repeat(71))).isEqualTo(2);
        assertThat(SmsSegments.count("ب".repeat(135))).isEqualTo(3);
        assertThat(List.of(SmsSegments.encoding("Ñandú"), SmsSegments.encoding("Ñandu"))).containsExactly("UCS-2", "GSM-7");
    }
}
