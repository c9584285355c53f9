package org.queuedesk.common.appointment;

import java.time.Instant;

/**
 * Books a slot. {@code slotStart} is an RFC 3339 date-time with its offset ({@code 2026-03-29T09:00:00+02:00})
 * or {@code Z}: an offset says which of a repeated local hour is meant. {@code doctor} null: any doctor of the
 * service with a free place at that time. {@code phone} is optional and normalised like a ticket's.
 */
public record BookAppointmentRequest(Long serviceId, String doctor, Instant slotStart, String patientName,
                                     String phone, String language) {
}
