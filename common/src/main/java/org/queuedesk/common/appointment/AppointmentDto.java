package org.queuedesk.common.appointment;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A booking as staff see it (phone masked). {@code code} is the 6-character booking code for check-in;
 * {@code ticketId} the ticket its check-in issued. Name and phone are personal data and may be null.
 */
public record AppointmentDto(long id, long siteId, long serviceId, String doctor, Long roomId, Instant slotStart,
                             Instant slotEnd, LocalDate localDate, String localTime, String code,
                             AppointmentState state, String patientName, String phone, String language,
                             Long ticketId, Instant bookedAt) {

    /** Without name and phone: what the event log keeps (desks read names from the list, which staff may). */
    public AppointmentDto withoutPatient() {
        return new AppointmentDto(id, siteId, serviceId, doctor, roomId, slotStart, slotEnd, localDate, localTime,
                code, state, null, null, language, ticketId, bookedAt);
    }

    /** For displays and kiosks: neither the patient, nor the code that checks them in, nor the doctor. */
    public AppointmentDto withoutPersonalData() {
        return new AppointmentDto(id, siteId, serviceId, null, roomId, slotStart, slotEnd, localDate, localTime,
                null, state, null, null, null, ticketId, bookedAt);
    }
}
