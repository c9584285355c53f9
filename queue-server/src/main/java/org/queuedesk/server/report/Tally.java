package org.queuedesk.server.report;

import java.time.LocalDate;
import org.queuedesk.common.report.ReportDimension;
import org.queuedesk.common.report.TicketReportRow;

/** One row's counts and durations while the history streams past. */
final class Tally {

    int issued;
    int served;
    int noShows;
    int cancelled;
    int transferred;
    final Durations waits = new Durations();
    final Durations serviceTimes = new Durations();

    TicketReportRow row(LocalDate start, LocalDate end, ReportDimension dimension, String key, String name) {
        waits.sort();
        serviceTimes.sort();
        boolean doctor = dimension == ReportDimension.DOCTOR;
        return new TicketReportRow(start, end, dimension, key, name, doctor ? null : issued, served, noShows,
                doctor ? null : cancelled, transferred,
                waits.meanSeconds(), waits.percentileSeconds(50), waits.percentileSeconds(90),
                serviceTimes.meanSeconds(), serviceTimes.percentileSeconds(50), serviceTimes.percentileSeconds(90));
    }
}
