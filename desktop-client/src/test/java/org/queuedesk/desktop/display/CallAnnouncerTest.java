package org.queuedesk.desktop.display;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.stream.Stream;
import javax.sound.sampled.LineUnavailableException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

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

    /**
     * How a machine without working sound fails, as each kind reaches the chime: no mixer offers the line
     * (no sound card: {@code AudioSystem} throws IllegalArgumentException), the device is taken by another
     * program, or the JRE's sound library cannot load (libasound missing).
     */
    static Stream<Arguments> soundFailures() {
        return Stream.of(
                Arguments.of(new IllegalArgumentException("No line matching interface SourceDataLine is supported")),
                Arguments.of(new LineUnavailableException("Device or resource busy")),
                Arguments.of(new UnsatisfiedLinkError("libjsound.so: libasound.so.2: cannot open shared object file")));
    }

    @ParameterizedTest
    @MethodSource("soundFailures")
    void aComputerWithoutASoundDeviceStaysSilentInsteadOfFailing(Throwable failure) {
        var attempts = new AtomicInteger();
        CallAnnouncer.SoundOutput noSound = format -> {
            attempts.incrementAndGet();
            if (failure instanceof Error error) {
                throw error;
            }
            if (failure instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw (LineUnavailableException) failure;
        };
        var logged = new ArrayList<LogRecord>();
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
        Level configured = log.getLevel();
        log.setLevel(Level.ALL);
        log.addHandler(capture);
        // the work runs on the calling thread, so anything that escapes the chime reaches this test
        try (CallAnnouncer announcer = new CallAnnouncer(false, Locale.ENGLISH, "Ticket {0}, {1}",
                new CallingThreadExecutor(), noSound)) {
            assertThatCode(() -> {
                announcer.announce("A-001", "Room 2");
                announcer.announce("A-002", "Room 3");
            }).doesNotThrowAnyException();
        } finally {
            log.removeHandler(capture);
            log.setLevel(configured);
        }
        // both calls reached the sound output (the second one too: a TV's sound may come back when it is switched on)
        assertThat(attempts).hasValue(2);
        // one line in the log, not one per call all day long
        assertThat(logged).hasSize(1);
        assertThat(logged.get(0).getLevel()).isEqualTo(Level.INFO);
    }

    /** Runs each task at once on the caller's thread. */
    private static final class CallingThreadExecutor extends AbstractExecutorService {
        private boolean shutdown;

        @Override
        public void execute(Runnable command) {
            command.run();
        }

        @Override
        public void shutdown() {
            shutdown = true;
        }

        @Override
        public List<Runnable> shutdownNow() {
            shutdown = true;
            return List.of();
        }

        @Override
        public boolean isShutdown() {
            return shutdown;
        }

        @Override
        public boolean isTerminated() {
            return shutdown;
        }

        @Override
        public boolean awaitTermination(long timeout, TimeUnit unit) {
            return shutdown;
        }
    }
}
