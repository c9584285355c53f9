package org.queuedesk.common.ticket;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** Where a ticket was issued. */
public enum TicketSource {
    RECEPTION, KIOSK, ONLINE, APPOINTMENT;

    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static TicketSource fromWire(String value) {
        return TicketSource.valueOf(value.trim().toUpperCase(Locale.ROOT));
    }
}
