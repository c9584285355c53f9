package org.queuedesk.common.queue;

import java.time.Instant;
import java.util.List;

/** A doctor's session at a room. {@code currentTicketId} is the patient called or being served. */
public record SessionDto(
        long id,
        long siteId,
        long roomId,
        String roomName,
        String doctor,
        List<Long> serviceIds,
        boolean paused,
        Long currentTicketId,
        Instant openedAt,
        Instant closedAt) {
}
