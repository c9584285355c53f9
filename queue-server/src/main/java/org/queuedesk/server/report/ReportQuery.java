package org.queuedesk.server.report;

import java.time.LocalDate;
import org.queuedesk.common.report.ReportPeriod;

/** A checked report query: local dates {@code from} to {@code to}, both included, cut into periods {@code by}. */
record ReportQuery(LocalDate from, LocalDate to, ReportPeriod by) {
}
