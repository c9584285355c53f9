package org.queuedesk.common.report;

import java.time.LocalDate;
import java.util.List;

/**
 * A site's report over local dates {@code from} to {@code to} (both included) in its {@code timeZone}, one row
 * per period and what it counts; the CSV form has the same rows (README, "Reports").
 */
public record HourReport(long siteId, String timeZone, LocalDate from, LocalDate to, ReportPeriod by,
                  List<HourReportRow> rows) {
}
