package org.queuedesk.common.ticket;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A ticket as staff see it. {@code number} (e.g. {@code A-042}) stays the same across transfers;
 * {@code serviceId} is where it waits now. Name and phone are personal data and may be null.
 */
public record TicketDto(
        long id,
        long siteId,
        long serviceId,
        String number,
        LocalDate serviceDate,
        TicketState state,
        Priority priority,
        TicketSource source,
        String patientName,
        String phone,
        String assignedDoctor,
        Long roomId,
        Long sessionId,
        Long returnServiceId,
        Instant issuedAt,
        Instant queuedAt,
        Instant calledAt,
        Instant finishedAt,
        int recallCount) {

    /** The same ticket without personal data, for displays and public pages. */
    public TicketDto withoutPersonalData() {
        return new TicketDto(id, siteId, serviceId, number, serviceDate, state, priority, source, null, null,
                null, roomId, sessionId, returnServiceId, issuedAt, queuedAt, calledAt, finishedAt, recallCount);
    }
}
