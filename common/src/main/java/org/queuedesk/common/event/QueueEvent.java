package org.queuedesk.common.event;

import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.databind.annotation.JsonTypeIdResolver;
import java.time.Instant;

/**
 * One change at a site, as streamed to desks and displays: one JSON object whose {@code type} says what
 * happened and so which payload it carries ({@code ticket}, {@code session}, {@code sms},
 * {@code printer}, {@code appointment} or {@code alert}).
 * {@code seq} increases by one per event and site, so a client that reconnects with {@code since=seq} misses
 * nothing. Read it with {@code instanceof}: each kind has its own record, whose payload is always there.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.CUSTOM, include = JsonTypeInfo.As.EXISTING_PROPERTY, property = "type",
        visible = true)
@JsonTypeIdResolver(EventWire.TypeIds.class)
public sealed interface QueueEvent permits TicketEvent, SessionEvent, SmsEvent, PrinterEvent,
        AppointmentEvent, AlertEvent {

    long seq();

    long siteId();

    EventType type();

    Instant at();

    /** Who made the change (a user, a device, or the server itself); null in the copy for displays and kiosks. */
    String actor();

    /** The copy for displays and kiosks: no names, phones, text messages, nor who made the change. */
    QueueEvent withoutPersonalData();

    /** Staff only: displays and kiosks never get this event, not even without personal data (alerts). */
    default boolean forStaffOnly() {
        return false;
    }

    /** Refuses a type that another kind of event carries. */
    static void requireCarriedBy(EventType type, Class<? extends QueueEvent> kind) {
        if (type == null || type.carrier() != kind) {
            throw new IllegalArgumentException(kind.getSimpleName() + " cannot carry event type " + type);
        }
    }
}
