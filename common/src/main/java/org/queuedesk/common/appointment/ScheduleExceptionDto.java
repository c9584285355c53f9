package org.queuedesk.common.appointment;

import java.time.LocalDate;
import java.util.List;

/** A dated exception: its blocks replace the weekly ones that day; none is a day off. */
public record ScheduleExceptionDto(LocalDate date, String note, List<ScheduleBlockDto> blocks) {
}
