package org.queuedesk.common.appointment;

import java.time.LocalDate;
import java.util.List;

/**
 * A dated exception: on {@code date} the weekly blocks do not apply; {@code blocks} (their weekday left out)
 * do instead. No blocks: a day off. A second exception for the same date replaces the first.
 */
public record ScheduleExceptionRequest(LocalDate date, List<ScheduleBlockRequest> blocks, String note) {
}
