package org.queuedesk.common.event;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import java.util.Objects;
import org.queuedesk.common.appointment.AppointmentDto;

/**
 * A booking was made, moved, cancelled, checked in or missed ({@code appointment.*}). The appointment never
 * carries the patient's name or phone (desks read those from the list); displays and kiosks get neither its
 * code nor its doctor. A text-message feature can follow bookings by these events.
 */
@JsonIgnoreProperties({"ticket", "session", "sms", "printer"})
public record AppointmentEvent(long seq, long siteId, EventType type, Instant at, String actor,
                               AppointmentDto appointment) implements QueueEvent {

    public AppointmentEvent {
        QueueEvent.requireCarriedBy(type, AppointmentEvent.class);
        Objects.requireNonNull(appointment, "appointment");
    }

    @Override
    public AppointmentEvent withoutPersonalData() {
        return new AppointmentEvent(seq, siteId, type, at, null, appointment.withoutPersonalData());
    }
}
