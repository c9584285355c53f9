package org.queuedesk.desktop.kiosk;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The kiosk's phone keypad on its own: what a patient can type, and what the next patient can read. */
class PhoneKeypadTest {

    private final List<String> calls = new ArrayList<>();
    private final PhoneKeypad keypad = new PhoneKeypad(() -> calls.add("touched"), () -> calls.add("typed"));

    @Test
    void theConfirmationShowsOnlyTheEndsOfThePhoneNumber() {
        assertThat(PhoneKeypad.masked("+34600123456")).isEqualTo("+34\u2022\u2022\u2022\u2022\u2022\u2022456");
        assertThat(PhoneKeypad.masked("600123456")).isEqualTo("\u2022\u2022\u2022\u2022\u2022\u2022456");
    }

    @Test
    void aPlusIsTakenOnlyFirstAndNothingButDigitsAfterIt() {
        "+34+6a0".chars().forEach(c -> keypad.key((char) c));

        assertThat(keypad.phoneProperty().get()).isEqualTo("+3460");
    }

    @Test
    void theNumberStopsAtTheLongestAnInternationalNumberCanBe() {
        // E.164: at most 15 digits after the '+'
        ("+" + "1".repeat(20)).chars().forEach(c -> keypad.key((char) c));

        assertThat(keypad.phoneProperty().get()).isEqualTo("+" + "1".repeat(15));
    }

    @Test
    void eachKeyRestartsTheIdleTimerAndTakesTheLastComplaintAway() {
        keypad.key('6');
        keypad.backspace();
        keypad.backspace();

        assertThat(keypad.phoneProperty().get()).isEmpty();
        assertThat(calls).containsExactly("touched", "typed", "touched", "touched");
    }
}
