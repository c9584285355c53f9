package org.queuedesk.desktop.kiosk;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * How a kiosk behaves: its languages (the first is where every patient starts), the staff PIN that leaves
 * kiosk mode, how long an untouched screen waits before starting over, how long the confirmation stays, and
 * how long a number shown on screen instead of printed stays (long enough to write it down).
 */
public record KioskSettings(List<Locale> languages, String pin, Duration idleTimeout, Duration confirmationTime,
                            Duration onScreenTime) {

    public static final List<Locale> LANGUAGES = List.of(Locale.ENGLISH, Locale.forLanguageTag("es"),
            Locale.forLanguageTag("ar"));

    public KioskSettings {
        languages = List.copyOf(languages);
        if (languages.isEmpty()) {
            throw new IllegalArgumentException("a kiosk needs at least one language");
        }
    }

    public static KioskSettings defaults(String pin) {
        return new KioskSettings(LANGUAGES, pin, Duration.ofSeconds(45), Duration.ofSeconds(10), Duration.ofSeconds(60));
    }

    public KioskSettings withTimes(Duration idle, Duration confirmation) {
        return new KioskSettings(languages, pin, idle, confirmation, onScreenTime);
    }
}
