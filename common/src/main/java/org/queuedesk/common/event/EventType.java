package org.queuedesk.common.event;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** What happened. Ticket events carry the ticket; session events carry the session. */
public enum EventType {
    TICKET_ISSUED, TICKET_CALLED, TICKET_RECALLED, TICKET_SERVING, TICKET_DONE, TICKET_NO_SHOW,
    TICKET_REQUEUED, TICKET_CANCELLED, TICKET_TRANSFERRED, TICKET_PRIORITY_CHANGED,
    SESSION_OPENED, SESSION_PAUSED, SESSION_RESUMED, SESSION_CLOSED,
    /** A ticket's text message changed state (queued, sent, failed, opted out); carries {@code sms}. */
    SMS_UPDATED,
    /** A kiosk's printer changed state (paper out, offline, back to ok); carries {@code printer}. */
    DEVICE_PRINTER;

    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '.');
    }

    @JsonCreator
    public static EventType fromWire(String value) {
        return EventType.valueOf(value.trim().toUpperCase(Locale.ROOT).replace('.', '_'));
    }
}
