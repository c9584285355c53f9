package org.queuedesk.common.appointment;

import java.util.List;

/**
 * One working block of a doctor: on a weekday ({@code 1} Monday … {@code 7} Sunday, ISO) in a weekly schedule, or
 * left out in a dated exception. {@code start}/{@code end} are local times {@code HH:MM} in the site's time zone;
 * slots of {@code slotMinutes} start at {@code start} and end by {@code end}, each taking {@code capacity}
 * patients (default 1), for the block's services, in its room (optional).
 */
public record ScheduleBlockRequest(Integer weekday, String start, String end, List<Long> serviceIds, Long roomId,
                                   Integer slotMinutes, Integer capacity) {
}
