package org.queuedesk.common.appointment;

import java.util.List;

/** A doctor's schedule at a site: weekly blocks by weekday, then dated exceptions from today on. */
public record ScheduleDto(long siteId, String doctor, List<ScheduleBlockDto> weekly,
                          List<ScheduleExceptionDto> exceptions) {
}
