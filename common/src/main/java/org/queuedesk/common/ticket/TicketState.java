package org.queuedesk.common.ticket;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/**
 * Where a ticket is in its life. TRANSFERRED closes a ticket's leg at one service in the history;
 * the ticket itself then waits at the target service with the same number. EXPIRED closes a ticket still
 * open (waiting, called, serving or no-show) when its day ends at the site: nobody finished it that day.
 */
public enum TicketState {
    WAITING, CALLED, SERVING, DONE, NO_SHOW, CANCELLED, TRANSFERRED, EXPIRED;

    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static TicketState fromWire(String value) {
        return TicketState.valueOf(value.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
    }
}
