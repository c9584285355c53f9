package org.queuedesk.server.alert;

import java.util.Locale;
import org.queuedesk.common.alert.AlertTier;

/** The one line a desk's banner shows for an alert: what was measured and the threshold of its tier. */
final class Summaries {

    private Summaries() {
    }

    static String of(Measurement m, double value, AlertTier tier, Integer threshold) {
        long whole = (long) Math.floor(value);
        String tierText = " (" + tier.wireName() + " from " + (threshold == null ? "?" : threshold);
        String where = m.subject() == null ? "" : m.subject() + ": ";
        return switch (m.rule()) {
            case OLDEST_WAIT -> where + "oldest ticket waiting " + whole + " min" + tierText + " min)";
            case WAITING_COUNT -> where + "tickets waiting: " + whole + tierText + ")";
            case WAITING_WITHOUT_SESSION -> where + "tickets waiting with no session open: " + whole + tierText + ")";
            case SMS_FAILURES -> String.format(Locale.ROOT, "%.0f%% of text messages failed in the last 15 min%s%%)",
                    value, tierText);
            case PRINTER_PROBLEM -> where + "printer not working for " + whole + " min" + tierText + " min)";
        };
    }
}
