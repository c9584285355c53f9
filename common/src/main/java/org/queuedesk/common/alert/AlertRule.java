package org.queuedesk.common.alert;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/**
 * What an alert watches (README, "Alerts"). The queue rules are per service; SMS failures per site; a printer
 * problem per kiosk.
 */
public enum AlertRule {
    /** Minutes the oldest waiting ticket of a service has waited. */
    OLDEST_WAIT,
    /** Tickets waiting at a service. */
    WAITING_COUNT,
    /** Tickets waiting at a service that no open session serves. */
    WAITING_WITHOUT_SESSION,
    /** Percent of the site's text messages that failed in the last 15 minutes (with a minimum count). */
    SMS_FAILURES,
    /** Minutes a kiosk's printer has been out of paper, offline or failed. */
    PRINTER_PROBLEM;

    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static AlertRule fromWire(String value) {
        return valueOf(value.trim().toUpperCase(Locale.ROOT));
    }
}
