package org.queuedesk.server.appointment;

import java.time.LocalDate;
import org.queuedesk.server.ground.Port;

/**
 * One text message about a booking, with the values it is written from: the slot's local date and time in the
 * site's zone, the doctor's display name, the room (null: the site is the place) and the booking code. The
 * outbox picks the template by {@code kind} and language and formats the date in that language.
 */
@Port
public record AppointmentText(AppointmentTextKind kind, long appointmentId, long siteId, long serviceId, Long roomId,
                              String phone, String language, LocalDate date, String localTime, String doctor,
                              String code) {
}
