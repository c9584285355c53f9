package org.queuedesk.server.queue;

import java.time.Instant;

/** A {@code doctor_sessions} row with its room's name. */
public record SessionRow(long id, long siteId, long roomId, String roomName, String doctor, boolean paused,
                         Instant openedAt, Instant closedAt) {

    boolean isOpen() {
        return closedAt == null;
    }
}
