package org.queuedesk.server.report;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import org.queuedesk.common.report.ReportPeriod;

/** The periods of a query: local days, ISO weeks (Monday first) or calendar months, cut to the query's range. */
final class Periods {

    private final ReportQuery query;

    Periods(ReportQuery query) {
        this.query = query;
    }

    /** The first day of the period a date falls in (before cutting to the range: the period's key). */
    LocalDate startOf(LocalDate date) {
        return switch (query.by()) {
            case DAY -> date;
            case WEEK -> date.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            case MONTH -> date.withDayOfMonth(1);
        };
    }

    /** Every period of the range in order, by its key. */
    List<LocalDate> all() {
        var starts = new ArrayList<LocalDate>();
        for (LocalDate start = startOf(query.from()); !start.isAfter(query.to()); start = next(start)) {
            starts.add(start);
        }
        return starts;
    }

    /** The first day of the period in the range: a week or month that began before {@code from} starts there. */
    LocalDate shownStart(LocalDate key) {
        return key.isBefore(query.from()) ? query.from() : key;
    }

    /** The last day of the period in the range. */
    LocalDate shownEnd(LocalDate key) {
        LocalDate end = next(key).minusDays(1);
        return end.isAfter(query.to()) ? query.to() : end;
    }

    private LocalDate next(LocalDate start) {
        return query.by() == ReportPeriod.DAY ? start.plusDays(1)
                : query.by() == ReportPeriod.WEEK ? start.plusWeeks(1) : start.plusMonths(1);
    }
}
