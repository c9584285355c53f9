package org.queuedesk.common.appointment;

import java.time.Instant;

/** Moves a booking to another slot ({@code slotStart} as in booking); {@code doctor} null keeps its doctor. */
public record MoveAppointmentRequest(Instant slotStart, String doctor) {
}
