package org.queuedesk.server.report;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import org.queuedesk.common.report.ReportPeriod;
import org.queuedesk.server.ground.ApiProblem;
import org.queuedesk.server.ground.Fields;

/**
 * A report's query: {@code from} and {@code to} local dates (required), {@code by} day, week or month (default
 * day). A range longer than a year is refused rather than read: a year is what the benchmark holds to 3 s.
 */
final class ReportQueryValidator {

    /** The longest range, in days counted inclusively: a leap year. */
    static final int MAX_DAYS = 366;

    private ReportQueryValidator() {
    }

    static ReportQuery validate(ReportParams params) {
        LocalDate from = date("from", params.from());
        LocalDate to = date("to", params.to());
        if (to.isBefore(from)) {
            throw ApiProblem.unprocessableField("to", "must not be before from (" + from + ").");
        }
        if (ChronoUnit.DAYS.between(from, to) + 1 > MAX_DAYS) {
            throw ApiProblem.unprocessableField("to", "a report covers at most " + MAX_DAYS
                    + " days; ask for a longer time in parts.");
        }
        return new ReportQuery(from, to, period(params.by()));
    }

    private static LocalDate date(String field, String value) {
        if (!Fields.given(value)) {
            throw ApiProblem.invalidField(field, "is required: a local date like 2026-11-23.");
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw ApiProblem.unprocessableField(field, "use a date like 2026-11-23.");
        }
    }

    private static ReportPeriod period(String value) {
        if (!Fields.given(value)) {
            return ReportPeriod.DAY;
        }
        try {
            return ReportPeriod.fromWire(value);
        } catch (IllegalArgumentException e) {
            throw ApiProblem.unprocessableField("by", "use day, week or month.");
        }
    }
}
