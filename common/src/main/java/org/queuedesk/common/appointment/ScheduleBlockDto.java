package org.queuedesk.common.appointment;

import java.util.List;

/** A working block as stored: weekly ({@code weekday} 1–7) or part of a dated exception ({@code weekday} null). */
public record ScheduleBlockDto(long id, Integer weekday, String start, String end, List<Long> serviceIds,
                               Long roomId, int slotMinutes, int capacity) {
}
