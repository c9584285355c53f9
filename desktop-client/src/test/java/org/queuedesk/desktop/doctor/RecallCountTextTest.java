package org.queuedesk.desktop.doctor;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.queuedesk.desktop.ground.Theme;
import org.queuedesk.desktop.live.TicketText;

/** The doctor's card once said "recalled 1 times": each language counts in its own grammar. */
class RecallCountTextTest {

    @Test
    void englishSaysNothingForNoRecallThenOnceThenTimes() {
        assertThat(detail("en", 0)).isEqualTo("General practice \u00b7 Called \u00b7 waited 3 min");
        assertThat(detail("en", 1)).endsWith("\u00b7 recalled once");
        assertThat(detail("en", 2)).endsWith("\u00b7 recalled 2 times");
    }

    @Test
    void spanishSaysUnaVezThenVeces() {
        assertThat(detail("es", 0)).doesNotContain("rellamado");
        assertThat(detail("es", 1)).endsWith("rellamado una vez");
        assertThat(detail("es", 3)).endsWith("rellamado 3 veces");
    }

    @Test
    void arabicHasItsOwnFormsForOneTwoAFewAndMany() {
        String recalled = "\u0623\u064f\u0639\u064a\u062f \u0627\u0633\u062a\u062f\u0639\u0627\u0624\u0647";
        assertThat(detail("ar", 0)).doesNotContain(recalled);
        assertThat(detail("ar", 1)).endsWith(recalled + " \u0645\u0631\u0629 \u0648\u0627\u062d\u062f\u0629");
        assertThat(detail("ar", 2)).endsWith(recalled + " \u0645\u0631\u062a\u064a\u0646");
        assertThat(detail("ar", 3)).contains(recalled).endsWith("\u0645\u0631\u0627\u062a");
        assertThat(detail("ar", 11)).contains(recalled).endsWith(" \u0645\u0631\u0629");
    }

    private static String detail(String language, int recalls) {
        var text = new TicketText(Theme.messages(Locale.forLanguageTag(language)), Clock.systemUTC());
        return text.format("doctor.current.detail", "General practice", "Called", "3 min", recalls);
    }
}
