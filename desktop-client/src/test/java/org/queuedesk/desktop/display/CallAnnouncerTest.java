package org.queuedesk.desktop.display;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.util.Locale;
import org.junit.jupiter.api.Test;

class CallAnnouncerTest {

    @Test
    void aNumberIsReadAsItsLetterAndItsValue() {
        assertThat(CallAnnouncer.spoken("A-042")).isEqualTo("A 42");
        assertThat(CallAnnouncer.spoken("B-100")).isEqualTo("B 100");
        assertThat(CallAnnouncer.spoken("C-007")).isEqualTo("C 7");
    }

    @Test
    void theChimeIsTwoNotesOfSixteenBitSound() {
        byte[] tones = CallAnnouncer.tones(880, 660);
        assertThat(tones.length).isEqualTo((int) (22_050 * 0.35) * 2 * 2);
        assertThat(tones[0]).isZero(); // starts from silence: no click
    }

    @Test
    void aComputerWithoutASoundDeviceStaysSilentInsteadOfFailing() {
        assertThatCode(() -> {
            try (CallAnnouncer announcer = new CallAnnouncer(false, Locale.ENGLISH, "Ticket {0}, {1}")) {
                announcer.announce("A-001", "Room 2");
            }
        }).doesNotThrowAnyException();
    }
}
