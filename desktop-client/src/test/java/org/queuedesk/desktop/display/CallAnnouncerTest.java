package org.queuedesk.desktop.display;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
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
    void aSilentDeviceIsTriedOnEveryCallButLoggedOnce() {
        AtomicInteger attempts = new AtomicInteger();
        SoundOutput noDevice = (samples, rate) -> {
            attempts.incrementAndGet();
            throw new IllegalArgumentException("No line matching interface SourceDataLine is supported.");
        };
        List<LogRecord> logged = new ArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                logged.add(record);
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger log = Logger.getLogger(CallAnnouncer.class.getName());
        log.addHandler(capture);
        try (CallAnnouncer announcer = new CallAnnouncer(false, Locale.ENGLISH, "Ticket {0}, {1}", noDevice,
                new DirectExecutorService())) {
            assertThatCode(() -> {
                announcer.announce("A-001", "Room 2");
                announcer.announce("A-002", "Room 3");
                announcer.announce("A-001", "Room 2");
            }).doesNotThrowAnyException();
        } finally {
            log.removeHandler(capture);
        }

        assertThat(attempts).as("each call tries the device again").hasValue(3);
        assertThat(logged).singleElement().satisfies(record -> assertThat(record.getMessage()).contains("No sound device"));
    }

    @Test
    void everyCallPlaysTheChimeOnTheSoundOutput() {
        List<byte[]> played = new ArrayList<>();
        try (CallAnnouncer announcer = new CallAnnouncer(false, Locale.ENGLISH, "Ticket {0}, {1}",
                (samples, rate) -> played.add(samples), new DirectExecutorService())) {
            announcer.announce("A-001", "Room 2");
            announcer.announce("A-001", "Room 2");
        }

        assertThat(played).hasSize(2);
        assertThat(played.get(0)).isEqualTo(CallAnnouncer.tones(880, 660));
    }
}
