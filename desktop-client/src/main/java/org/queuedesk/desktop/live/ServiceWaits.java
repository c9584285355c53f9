package org.queuedesk.desktop.live;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.queuedesk.common.queue.QueueStatusDto;

/**
 * The server's estimated wait per service for a patient joining now (reception's overview). Read with each
 * snapshot, then again after events, since every call, pause or new ticket moves it: one read at a time, and
 * one more after it when events came meanwhile. Used on the FX thread only.
 */
final class ServiceWaits {

    private final Map<Long, QueueStatusDto.ServiceQueue> byService = new HashMap<>();
    private boolean reading;
    private boolean stale;

    void replace(QueueStatusDto status) {
        byService.clear();
        status.services().forEach(s -> byService.put(s.serviceId(), s));
    }

    Optional<QueueStatusDto.ServiceQueue> at(long serviceId) {
        return Optional.ofNullable(byService.get(serviceId));
    }

    /** True when a read may start now; false when one is under way (it will be followed by another). */
    boolean startRead() {
        if (reading) {
            stale = true;
            return false;
        }
        reading = true;
        stale = false;
        return true;
    }

    /** The read is over; true when events came meanwhile and another read is due. */
    boolean finishRead() {
        reading = false;
        return stale;
    }
}
