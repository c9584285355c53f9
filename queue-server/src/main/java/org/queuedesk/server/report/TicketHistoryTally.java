package org.queuedesk.server.report;

import java.time.Instant;
import java.time.LocalDate;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.queuedesk.common.report.HourReportRow;
import org.queuedesk.common.report.ReportDimension;
import org.queuedesk.common.report.TicketReportRow;
import org.queuedesk.common.site.ServiceDto;
import org.queuedesk.common.ticket.TicketSource;
import org.queuedesk.server.report.ReportTickets.Move;

/**
 * Reads a site's ticket history once, ticket by ticket, into counts per period and per service, doctor and
 * source (README, "Reports"). A ticket belongs to the period of its local issue date. Per leg at a service:
 * <ul>
 *   <li>issued: its issue; served: done; cancelled: cancel; transferred: moved away from the service;</li>
 *   <li>no-shows: marked a no-show and not put back in the queue (a requeue takes the no-show back);</li>
 *   <li>wait: from joining the service's queue (issue, transfer or return to it, requeue) to the call there; a
 *   booking checked in before its slot joins at the slot's start;</li>
 *   <li>service time: from the call to done.</li>
 * </ul>
 * A doctor is whoever called the ticket (the username on the call), so their rows hold what followed their
 * calls. Arrivals and calls by hour are issues and calls (not recalls) by the local hour they happened.
 */
final class TicketHistoryTally implements Consumer<Move> {

    private static final int HOUR_MILLIS = 3_600_000;
    private final Periods periods;
    private final ZoneRules zone;
    private final Map<LocalDate, PeriodTally> byPeriod = new TreeMap<>();
    private final Map<Long, Instant> slotStarts;

    // the ticket being read, with its period and source row (the same for all its moves)
    private long ticket = -1;
    private LocalDate periodKey;
    private PeriodTally period;
    private Tally source;
    private long serviceId = -1;
    private Tally service;
    private long waitingSince;
    private long calledAt;
    private String caller;
    private String noShowBy;

    TicketHistoryTally(Periods periods, ZoneRules zone, Map<Long, Instant> slotStarts) {
        this.periods = periods;
        this.zone = zone;
        this.slotStarts = slotStarts;
    }

    private static final class PeriodTally {
        final Tally all = new Tally();
        final Map<Long, Tally> services = new HashMap<>();
        final Map<String, Tally> doctors = new TreeMap<>();
        final Map<String, Tally> sources = new HashMap<>();
        final int[] arrivals = new int[24];
        final int[] calls = new int[24];
        /** Waits of the calls made in each hour: their sum in milliseconds and how many. */
        final long[] waitMillis = new long[24];
        final int[] waited = new int[24];
    }

    @Override
    public void accept(Move move) {
        if (move.ticketId() != ticket) {
            ticket = move.ticketId();
            waitingSince = -1;
            calledAt = -1;
            caller = null;
            noShowBy = null;
            var key = periods.startOf(move.serviceDate());
            if (period == null || !key.equals(periodKey)) {
                periodKey = key;
                period = byPeriod.computeIfAbsent(key, d -> new PeriodTally());
                serviceId = -1;
            }
            source = period.sources.computeIfAbsent(move.source(), s -> new Tally());
        }
        if (move.serviceId() != serviceId) {
            serviceId = move.serviceId();
            service = period.services.computeIfAbsent(serviceId, id -> new Tally());
        }
        long at = move.at();
        switch (move.action()) {
            case "issue" -> {
                period.all.issued++;
                service.issued++;
                source.issued++;
                period.arrivals[localHour(at)]++;
                Instant slot = slotStarts.get(move.ticketId());
                waitingSince = slot == null ? at : Math.max(at, slot.toEpochMilli());
            }
            case "call" -> {
                caller = move.actor();
                calledAt = at;
                int hour = localHour(at);
                period.calls[hour]++;
                if (waitingSince >= 0) {
                    long wait = at - waitingSince;
                    eachLegTally(caller, t -> t.waits.add(wait));
                    period.waitMillis[hour] += wait;
                    period.waited[hour]++;
                }
                waitingSince = -1;
            }
            case "done" -> {
                long served = calledAt >= 0 ? at - calledAt : -1;
                eachLegTally(caller, t -> {
                    t.served++;
                    t.serviceTimes.add(served); // -1: no call seen, no sample
                });
                calledAt = -1;
            }
            case "no_show" -> {
                noShowBy = caller;
                eachLegTally(caller, t -> t.noShows++);
                calledAt = -1;
            }
            case "requeue" -> {
                eachLegTally(noShowBy, t -> t.noShows--);
                waitingSince = at;
            }
            case "cancel" -> {
                period.all.cancelled++;
                service.cancelled++;
                source.cancelled++;
            }
            case "transfer" -> {
                if ("transferred".equals(move.toState())) {
                    boolean wasCalled = "called".equals(move.fromState()) || "serving".equals(move.fromState());
                    eachLegTally(wasCalled ? caller : null, t -> t.transferred++);
                    calledAt = -1;
                } else {
                    waitingSince = at; // joins the target service's queue
                }
            }
            case "return" -> waitingSince = at;
            default -> {
                // recall, serve, change_priority: no count of their own
            }
        }
    }

    /** The rows a leg counts in: the whole site, its service, its source and, once called, its doctor. */
    private void eachLegTally(String doctor, Consumer<Tally> count) {
        count.accept(period.all);
        count.accept(service);
        count.accept(source);
        if (doctor != null) {
            count.accept(period.doctors.computeIfAbsent(doctor, d -> new Tally()));
        }
    }

    private int localHour(long epochMillis) {
        long offsetMillis = zone.getOffset(Instant.ofEpochMilli(epochMillis)).getTotalSeconds() * 1000L;
        return (int) (Math.floorMod(epochMillis + offsetMillis, 86_400_000L) / HOUR_MILLIS);
    }

    /** The rows: per period the whole site, then services in the site's order, doctors by name, sources. */
    List<TicketReportRow> ticketRows(List<ServiceDto> services) {
        var rows = new ArrayList<TicketReportRow>();
        for (LocalDate key : periods.all()) {
            var p = byPeriod.getOrDefault(key, new PeriodTally());
            LocalDate start = periods.shownStart(key);
            LocalDate end = periods.shownEnd(key);
            rows.add(p.all.row(start, end, ReportDimension.ALL, "all", "all"));
            for (ServiceDto s : services) {
                var tally = p.services.get(s.id());
                if (tally != null) {
                    rows.add(tally.row(start, end, ReportDimension.SERVICE, Long.toString(s.id()), s.name()));
                }
            }
            p.doctors.forEach((name, tally) -> rows.add(tally.row(start, end, ReportDimension.DOCTOR, name, name)));
            for (TicketSource source : TicketSource.values()) {
                var tally = p.sources.get(source.wireName());
                if (tally != null) {
                    rows.add(tally.row(start, end, ReportDimension.SOURCE, source.wireName(), source.wireName()));
                }
            }
        }
        return rows;
    }

    /** Every period's 24 local hours, quiet ones too. */
    List<HourReportRow> hourRows() {
        var rows = new ArrayList<HourReportRow>();
        for (LocalDate key : periods.all()) {
            var p = byPeriod.getOrDefault(key, new PeriodTally());
            for (int hour = 0; hour < 24; hour++) {
                Long waitMean = p.waited[hour] == 0 ? null
                        : Math.round(p.waitMillis[hour] / (double) p.waited[hour] / 1000.0);
                rows.add(new HourReportRow(periods.shownStart(key), periods.shownEnd(key), hour,
                        p.arrivals[hour], p.calls[hour], waitMean));
            }
        }
        return rows;
    }
}
