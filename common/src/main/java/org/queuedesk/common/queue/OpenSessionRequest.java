package org.queuedesk.common.queue;

import java.util.List;

/** A doctor opens a session at a room, serving one or more services. */
public record OpenSessionRequest(Long roomId, List<Long> serviceIds, String doctor) {
}
