package org.queuedesk.server.appointment;

import java.time.LocalTime;
import java.util.List;

/**
 * A working block as the slot plan reads it: weekly ({@code weekday} 1–7) or of a dated exception (null).
 * Times are local to the site.
 */
public record WorkBlock(long id, Integer weekday, LocalTime start, LocalTime end, List<Long> serviceIds, Long roomId,
                 int slotMinutes, int capacity) {

    boolean serves(long serviceId) {
        return serviceIds.contains(serviceId);
    }
}
