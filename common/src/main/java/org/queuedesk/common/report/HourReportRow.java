package org.queuedesk.common.report;

import java.time.LocalDate;

/**
 * One period's tickets issued ({@code arrivals}) and calls in one local hour of the day (0 to 23), and the mean
 * wait of the patients called in that hour, in seconds (null: no call waited there).
 */
public record HourReportRow(LocalDate periodStart, LocalDate periodEnd, int hour, int arrivals, int calls,
                            Long waitMeanSeconds) {
}
