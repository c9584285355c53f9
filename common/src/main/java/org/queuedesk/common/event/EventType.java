package org.queuedesk.common.event;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.Locale;
import java.util.Optional;

/**
 * What happened, and so which kind of {@link QueueEvent} carries it. On the wire an event type is its
 * {@link #wireName()}, the kind and the state or change it names ({@code ticket.no_show}); clients of the
 * first wire version get their {@link EventWire#V1} spelling instead.
 */
@JsonSerialize(using = EventWire.TypeName.class)
public enum EventType {
    TICKET_ISSUED(TicketEvent.class), TICKET_CALLED(TicketEvent.class), TICKET_RECALLED(TicketEvent.class),
    TICKET_SERVING(TicketEvent.class), TICKET_DONE(TicketEvent.class), TICKET_NO_SHOW(TicketEvent.class),
    TICKET_REQUEUED(TicketEvent.class), TICKET_CANCELLED(TicketEvent.class), TICKET_TRANSFERRED(TicketEvent.class),
    TICKET_PRIORITY_CHANGED(TicketEvent.class),
    /** Still open when its day ended at the site (README, Lifecycle). */
    TICKET_EXPIRED(TicketEvent.class),
    SESSION_OPENED(SessionEvent.class), SESSION_PAUSED(SessionEvent.class), SESSION_RESUMED(SessionEvent.class),
    SESSION_CLOSED(SessionEvent.class),
    /** A ticket's text message changed state (queued, sent, failed, opted out). */
    SMS_UPDATED(SmsEvent.class),
    /** A kiosk's printer changed state (paper out, offline, back to ok). */
    DEVICE_PRINTER(PrinterEvent.class),
    APPOINTMENT_BOOKED(AppointmentEvent.class), APPOINTMENT_MOVED(AppointmentEvent.class),
    APPOINTMENT_CANCELLED(AppointmentEvent.class), APPOINTMENT_CHECKED_IN(AppointmentEvent.class),
    /** Nobody checked in by the slot's end plus the site's grace period. */
    APPOINTMENT_MISSED(AppointmentEvent.class),
    /** An alert entered its first tier; escalated (to a higher tier), tier_lowered (after its hold time), cleared. */
    ALERT_RAISED(AlertEvent.class), ALERT_ESCALATED(AlertEvent.class), ALERT_TIER_LOWERED(AlertEvent.class),
    ALERT_CLEARED(AlertEvent.class), ALERT_ACKNOWLEDGED(AlertEvent.class);

    private final Class<? extends QueueEvent> carrier;
    /** Spelled once: every event is written with its type name, and replaceFirst compiles a pattern each call. */
    private final String wireName;
    private final String legacyWireName;

    EventType(Class<? extends QueueEvent> carrier) {
        this.carrier = carrier;
        this.wireName = name().toLowerCase(Locale.ROOT).replaceFirst("_", ".");
        this.legacyWireName = name().toLowerCase(Locale.ROOT).replace('_', '.');
    }

    /** The kind of event that carries this type, and so its payload. */
    public Class<? extends QueueEvent> carrier() {
        return carrier;
    }

    /** The current name: the kind, a dot, then the state or change as its own enums spell it ({@code no_show}). */
    public String wireName() {
        return wireName;
    }

    /** The first wire version's name, every underscore a dot ({@code ticket.no.show}). */
    String legacyWireName() {
        return legacyWireName;
    }

    /** Either spelling: the event log holds both, and older servers send the legacy one. */
    @JsonCreator
    public static EventType fromWire(String value) {
        return find(value).orElseThrow(() -> new IllegalArgumentException("Unknown event type: " + value));
    }

    /** The type an old or current wire name stands for, if this version knows it. */
    public static Optional<EventType> find(String value) {
        if (value == null) {
            return Optional.empty();
        }
        String constant = value.trim().toUpperCase(Locale.ROOT).replace('.', '_');
        for (EventType type : values()) {
            if (type.name().equals(constant)) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }
}
