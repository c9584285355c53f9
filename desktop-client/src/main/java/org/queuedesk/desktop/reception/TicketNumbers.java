package org.queuedesk.desktop.reception;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Ticket numbers as people type them ("b-1", "B1", "b 1") in the form the server prints ("B-001"). */
final class TicketNumbers {

    private static final Pattern TYPED = Pattern.compile("([A-Za-z]{1,3})\\s*[-\\s]?\\s*0*([0-9]{1,6})");

    private TicketNumbers() {
    }

    /** The printed form, with at least three digits; anything that is not a number is returned trimmed. */
    static String normalize(String typed) {
        String text = typed == null ? "" : typed.strip();
        Matcher m = TYPED.matcher(text);
        if (!m.matches()) {
            return text;
        }
        String digits = m.group(2).isEmpty() ? "0" : m.group(2);
        return m.group(1).toUpperCase(Locale.ROOT) + "-" + "0".repeat(Math.max(0, 3 - digits.length())) + digits;
    }
}
