package org.queuedesk.common.queue;

import java.time.Instant;
import java.util.List;

/**
 * Today's picture of a site: how many wait per service, and who is called or served in each room. A service's
 * {@code waitMinutes} (with its range {@code waitLowMinutes}-{@code waitHighMinutes}, 80 % nominal coverage) is
 * the estimated wait of a patient joining its queue now; null while no open session serves it.
 */
public record QueueStatusDto(long siteId, long lastEventSeq, List<ServiceQueue> services, List<RoomStatus> rooms) {

    public record ServiceQueue(long serviceId, String name, String prefix, int waiting, Instant oldestWaitingSince,
                               Integer waitMinutes, Integer waitLowMinutes, Integer waitHighMinutes) {

        /** Without an estimate. */
        public ServiceQueue(long serviceId, String name, String prefix, int waiting, Instant oldestWaitingSince) {
            this(serviceId, name, prefix, waiting, oldestWaitingSince, null, null, null);
        }
    }

    public record RoomStatus(long roomId, String roomName, Long sessionId, String doctor, boolean paused,
                             String ticketNumber, Long ticketId, String ticketState) {
    }
}
