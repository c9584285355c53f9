package org.queuedesk.server.report;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.queuedesk.common.report.AppointmentReportRow;
import org.queuedesk.common.report.ReportDimension;
import org.queuedesk.common.site.ServiceDto;

/**
 * Bookings per period of their slot's local date, for the whole site, each service and each doctor: booked
 * counts every booking not cancelled (still booked, checked in or missed); a moved booking counts on its new date.
 */
final class AppointmentTally {

    private final Periods periods;
    private final Map<LocalDate, PeriodTally> byPeriod = new TreeMap<>();

    AppointmentTally(Periods periods, List<ReportAppointments.Count> counts) {
        this.periods = periods;
        for (var count : counts) {
            var period = byPeriod.computeIfAbsent(periods.startOf(count.localDate()), d -> new PeriodTally());
            for (Counts c : List.of(period.all, period.services.computeIfAbsent(count.serviceId(), id -> new Counts()),
                    period.doctors.computeIfAbsent(count.doctor(), d -> new Counts()))) {
                c.add(count.state(), count.count());
            }
        }
    }

    private static final class PeriodTally {
        final Counts all = new Counts();
        final Map<Long, Counts> services = new HashMap<>();
        final Map<String, Counts> doctors = new TreeMap<>();
    }

    private static final class Counts {
        int booked;
        int checkedIn;
        int missed;
        int cancelled;

        void add(String state, int n) {
            switch (state) {
                case "cancelled" -> cancelled += n;
                case "checked_in" -> {
                    checkedIn += n;
                    booked += n;
                }
                case "missed" -> {
                    missed += n;
                    booked += n;
                }
                default -> booked += n;
            }
        }

        AppointmentReportRow row(LocalDate start, LocalDate end, ReportDimension dimension, String key, String name) {
            return new AppointmentReportRow(start, end, dimension, key, name, booked, checkedIn, missed, cancelled);
        }
    }

    List<AppointmentReportRow> rows(List<ServiceDto> services) {
        var rows = new ArrayList<AppointmentReportRow>();
        for (LocalDate key : periods.all()) {
            var period = byPeriod.getOrDefault(key, new PeriodTally());
            LocalDate start = periods.shownStart(key);
            LocalDate end = periods.shownEnd(key);
            rows.add(period.all.row(start, end, ReportDimension.ALL, "all", "all"));
            for (ServiceDto s : services) {
                var counts = period.services.get(s.id());
                if (counts != null) {
                    rows.add(counts.row(start, end, ReportDimension.SERVICE, Long.toString(s.id()), s.name()));
                }
            }
            period.doctors.forEach((name, counts) -> rows.add(counts.row(start, end, ReportDimension.DOCTOR, name, name)));
        }
        return rows;
    }
}
