package org.queuedesk.common.queue;

import java.time.Instant;
import java.util.List;

/** Today's picture of a site: how many wait per service, and who is called or served in each room. */
public record QueueStatusDto(long siteId, long lastEventSeq, List<ServiceQueue> services, List<RoomStatus> rooms) {

    public record ServiceQueue(long serviceId, String name, String prefix, int waiting, Instant oldestWaitingSince) {
    }

    public record RoomStatus(long roomId, String roomName, Long sessionId, String doctor, boolean paused,
                             String ticketNumber, Long ticketId, String ticketState) {
    }
}
