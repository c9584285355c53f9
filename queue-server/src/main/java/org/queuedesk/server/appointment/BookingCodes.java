package org.queuedesk.server.appointment;

import java.security.SecureRandom;
import java.util.Locale;
import java.util.random.RandomGenerator;

/**
 * Booking codes: 6 characters from an alphabet without look-alikes — no 0/O/Q/D, 1/I/L, 2/Z, 5/S, 8/B, U/V —
 * so a code read aloud, typed at a kiosk or copied from an SMS is not mistaken. 20 characters give 64 million codes.
 */
final class BookingCodes {

    static final String ALPHABET = "34679ACEFGHJKMNPRTXY";
    static final int LENGTH = 6;
    private final RandomGenerator random;

    BookingCodes() {
        this(new SecureRandom());
    }

    BookingCodes(RandomGenerator random) {
        this.random = random;
    }

    String next() {
        var code = new StringBuilder(LENGTH);
        for (int i = 0; i < LENGTH; i++) {
            code.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return code.toString();
    }

    /** What a person typed, as stored: upper case, no spaces or dashes; null if it cannot be a code. */
    static String normalise(String typed) {
        if (typed == null) {
            return null;
        }
        String code = typed.replaceAll("[\\s-]", "").toUpperCase(Locale.ROOT);
        return code.length() == LENGTH && code.chars().allMatch(c -> ALPHABET.indexOf(c) >= 0) ? code : null;
    }
}
