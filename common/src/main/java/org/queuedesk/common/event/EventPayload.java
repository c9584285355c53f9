package org.queuedesk.common.event;

import java.time.Instant;
import java.util.Objects;
import org.queuedesk.common.alert.AlertDto;
import org.queuedesk.common.appointment.AppointmentDto;
import org.queuedesk.common.auth.DevicePrinterDto;
import org.queuedesk.common.notify.SmsMessageDto;
import org.queuedesk.common.queue.SessionDto;
import org.queuedesk.common.ticket.TicketDto;

/**
 * What a change hands to the event log: the type and its payload, one kind each. The log adds the sequence
 * number, time and actor and so makes the {@link QueueEvent}.
 */
public sealed interface EventPayload {

    EventType type();

    QueueEvent toEvent(long seq, long siteId, Instant at, String actor);

    record TicketChange(EventType type, TicketDto ticket) implements EventPayload {
        public TicketChange {
            QueueEvent.requireCarriedBy(type, TicketEvent.class);
            Objects.requireNonNull(ticket, "ticket");
        }

        @Override
        public TicketEvent toEvent(long seq, long siteId, Instant at, String actor) {
            return new TicketEvent(seq, siteId, type, at, actor, ticket);
        }
    }

    record SessionChange(EventType type, SessionDto session) implements EventPayload {
        public SessionChange {
            QueueEvent.requireCarriedBy(type, SessionEvent.class);
            Objects.requireNonNull(session, "session");
        }

        @Override
        public SessionEvent toEvent(long seq, long siteId, Instant at, String actor) {
            return new SessionEvent(seq, siteId, type, at, actor, session);
        }
    }

    record SmsChange(SmsMessageDto sms) implements EventPayload {
        public SmsChange {
            Objects.requireNonNull(sms, "sms");
        }

        @Override
        public EventType type() {
            return EventType.SMS_UPDATED;
        }

        @Override
        public SmsEvent toEvent(long seq, long siteId, Instant at, String actor) {
            return new SmsEvent(seq, siteId, at, actor, sms);
        }
    }

    record PrinterChange(DevicePrinterDto printer) implements EventPayload {
        public PrinterChange {
            Objects.requireNonNull(printer, "printer");
        }

        @Override
        public EventType type() {
            return EventType.DEVICE_PRINTER;
        }

        @Override
        public PrinterEvent toEvent(long seq, long siteId, Instant at, String actor) {
            return new PrinterEvent(seq, siteId, EventType.DEVICE_PRINTER, at, actor, printer);
        }
    }

    /** A booking changed; the log keeps it without the patient's name and phone. */
    record AppointmentChange(EventType type, AppointmentDto appointment) implements EventPayload {
        public AppointmentChange {
            QueueEvent.requireCarriedBy(type, AppointmentEvent.class);
            Objects.requireNonNull(appointment, "appointment");
            appointment = appointment.withoutPatient();
        }

        @Override
        public AppointmentEvent toEvent(long seq, long siteId, Instant at, String actor) {
            return new AppointmentEvent(seq, siteId, type, at, actor, appointment);
        }
    }

    /** An alert changed; staff only on the stream. */
    record AlertChange(EventType type, AlertDto alert) implements EventPayload {
        public AlertChange {
            QueueEvent.requireCarriedBy(type, AlertEvent.class);
            Objects.requireNonNull(alert, "alert");
        }

        @Override
        public AlertEvent toEvent(long seq, long siteId, Instant at, String actor) {
            return new AlertEvent(seq, siteId, type, at, actor, alert);
        }
    }
}
