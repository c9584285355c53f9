package org.queuedesk.desktop.ground;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** The staff PIN as the kiosk uses it: each use of the pad is a touch, and it speaks the patient's language. */
class StaffPinTest {

    private final List<String> calls = new ArrayList<>();
    private final AtomicReference<Locale> patient = new AtomicReference<>(Locale.ENGLISH);
    private final StaffPin pin = new StaffPin("2468", Clock.fixed(Instant.parse("2026-11-23T09:15:00Z"), ZoneOffset.UTC),
            () -> Theme.messages(patient.get()), () -> calls.add("exit"), () -> calls.add("touched"));

    @Test
    void fiveTapsOpenThePadAndOnlyTheRightPinLeaves() {
        for (int i = 0; i < StaffPin.TAPS - 1; i++) {
            pin.cornerTapped();
        }
        assertThat(pin.openProperty().get()).isFalse();
        pin.cornerTapped();
        assertThat(pin.openProperty().get()).isTrue();

        "2468".chars().forEach(c -> pin.key((char) c));
        pin.submit();

        assertThat(pin.openProperty().get()).isFalse();
        assertThat(calls).endsWith("exit");
    }

    @Test
    void aWrongPinIsToldInTheLanguageOfTheMoment() {
        patient.set(Locale.forLanguageTag("es"));
        pin.open();
        pin.key('1');
        pin.submit();

        assertThat(pin.errorProperty().get()).isEqualTo("PIN incorrecto"); // messages_es.properties
        assertThat(pin.entryProperty().get()).isEmpty();
        assertThat(calls).containsExactly("touched", "touched", "touched").doesNotContain("exit");
    }

    @Test
    void theDisplaysPinNeedsNoTouches() {
        var display = new StaffPin("2468", Clock.systemUTC(), ResourceBundle.getBundle("org.queuedesk.desktop.messages",
                Locale.ENGLISH), () -> calls.add("exit"));
        display.open();
        display.key('9');
        display.submit();

        assertThat(display.errorProperty().get()).isEqualTo("Wrong PIN");
        assertThat(calls).isEmpty();
    }
}
