package org.queuedesk.server.queue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;
import org.queuedesk.common.ticket.TicketDto;
import org.queuedesk.common.ticket.TicketState;
import org.queuedesk.server.ground.Port;
import org.queuedesk.server.ground.WriteTransaction;
import org.queuedesk.server.site.SiteDao;
import org.queuedesk.server.ticket.TicketAction;
import org.queuedesk.server.ticket.TicketDao;
import org.queuedesk.server.ticket.TicketHooks;

/**
 * Estimated waits from what the rooms serving a queue measurably do (docs/adr/0010): today's
 * service times at the service (first call to done, transfer or no-show), the open sessions serving it (a
 * paused one only when every one is paused, and then later), and the patients ahead in queue order. When
 * today has fewer than {@value #THIN} measured times, the same weekday's of the last four weeks join them,
 * then the service's default an admin sets ({@code default_service_minutes}).
 * <p>"Unknown" (empty) only where README says: the ticket is not waiting, or no open session serves its
 * service (for a ticket assigned to a doctor: none of that doctor's).
 * <p>Cheap on every read: the measured times are cached per service and dropped after a call at it ends
 * (after commit, so Next never waits for them); sessions and the queue are read live, a few indexed rows.
 */
@Port
public final class WaitEstimates implements TicketHooks {

    static final int THIN = 12;
    static final int TODAY_SAMPLE = 40;
    static final int HISTORY_SAMPLE = 60;
    static final int HISTORY_WEEKS = 4;
    /** Spread of the default's service times (coefficient of variation), as clinics' consultations vary. */
    static final double DEFAULT_CV = 0.5;
    /** Standard normal quantiles at 5 %, 15 %, ... 95 %: the default's service times as a lognormal grid. */
    private static final double[] GRID = {-1.645, -1.036, -0.674, -0.385, -0.126, 0.126, 0.385, 0.674, 1.036, 1.645};
    private static final Duration STALE = Duration.ofMinutes(10);

    private final Clock clock;
    private final Map<Long, Measured> today = new ConcurrentHashMap<>();
    private final Map<String, double[]> weekdays = new ConcurrentHashMap<>();

    public WaitEstimates(Clock clock) {
        this.clock = clock;
    }

    /** A wait in whole minutes: a point and a range meant to hold {@link #nominalCoverage()} of real waits. */
    public record Wait(int minutes, int lowMinutes, int highMinutes) {

        /** Whole minutes; the range is at least "0-1 min" (a range of 0-0 reads as a promise no one can keep). */
        static Wait of(WaitForecast.Minutes m) {
            int point = (int) Math.round(m.point());
            int low = Math.min(point, (int) Math.floor(m.low()));
            return new Wait(point, Math.max(0, low), Math.max(Math.max(1, point), (int) Math.ceil(m.high())));
        }
    }

    public static double nominalCoverage() {
        return WaitForecast.COVERAGE;
    }

    /** The wait of a waiting ticket until it is called; empty when unknown (see the class comment). */
    public Optional<Wait> forTicket(Handle h, TicketDto ticket) {
        return forTicket(h, ticket, null);
    }

    /**
     * As {@link #forTicket(Handle, TicketDto)}, given how many wait ahead of the ticket in its service's queue
     * ({@code TicketDao#waitingAhead}) when the caller has just counted them (null: count them here).
     */
    public Optional<Wait> forTicket(Handle h, TicketDto ticket, Integer waitingAhead) {
        if (ticket.state() != TicketState.WAITING) {
            return Optional.empty();
        }
        var sessions = h.attach(SessionDao.class).openServing(ticket.serviceId());
        var tickets = h.attach(TicketDao.class);
        if (ticket.assignedDoctor() == null) {
            int ahead = waitingAhead != null ? waitingAhead : tickets.waitingAhead(ticket);
            return estimate(h, ticket.serviceId(), sessions, ahead, ticket.id());
        }
        // the doctor's own patients ahead, and a share of the unassigned ones: every working room takes those
        var mine = sessions.stream().filter(s -> s.doctor().equals(ticket.assignedDoctor())).toList();
        var ahead = tickets.aheadByDoctor(ticket);
        long working = Math.max(1, sessions.stream().filter(s -> !s.paused()).count());
        int count = ahead.sameDoctor() + (int) Math.round(ahead.unassigned() / (double) working);
        return estimate(h, ticket.serviceId(), mine, count, ticket.id());
    }

    /** The wait of a patient joining the back of a service's queue now, behind {@code waiting} others. */
    public Optional<Wait> forNewcomer(Handle h, long serviceId, int waiting) {
        return estimate(h, serviceId, h.attach(SessionDao.class).openServing(serviceId), waiting, -serviceId);
    }

    private Optional<Wait> estimate(Handle h, long serviceId, List<SessionRow> rooms, int ahead, long seed) {
        if (rooms.isEmpty()) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        ZoneId zone = ZoneId.of(rooms.get(0).siteTimeZone());
        double[] times = serviceMinutes(h, serviceId, zone, now);
        Map<Long, Long> calledAt = h.attach(TicketDao.class).busySessions(rooms.stream().map(SessionRow::id).toList())
                .stream().collect(Collectors.toMap(TicketDao.Busy::sessionId, TicketDao.Busy::calledAt, (a, b) -> a));
        List<WaitForecast.Room> model = rooms.stream().map(s -> {
            Long called = calledAt.get(s.id());
            Double busy = called == null ? null : Math.max(0, now.toEpochMilli() - called) / 60_000.0;
            return new WaitForecast.Room(s.paused(), busy);
        }).toList();
        return WaitForecast.estimate(times, model, Math.max(0, ahead), seed * 1_000_003L + ahead).map(Wait::of);
    }

    /** Today's measured times, topped up from the same weekday's history and then the default when thin. */
    double[] serviceMinutes(Handle h, long serviceId, ZoneId zone, Instant now) {
        LocalDate date = now.atZone(zone).toLocalDate();
        Instant dayStart = date.atStartOfDay(zone).toInstant();
        Measured cached = today.get(serviceId);
        if (cached == null || !cached.date().equals(date) || cached.readAt().plus(STALE).isBefore(now)) {
            var rows = h.attach(TicketDao.class).serviceTimes(serviceId, dayStart, dayStart.plus(Duration.ofDays(1)),
                    TODAY_SAMPLE);
            cached = new Measured(date, now, minutes(rows));
            today.put(serviceId, cached);
        }
        List<Double> all = new ArrayList<>(cached.minutes());
        if (all.size() < THIN) {
            for (double m : weekdayHistory(h, serviceId, zone, date, dayStart)) {
                all.add(m);
            }
        }
        if (all.size() < THIN) {
            int minutes = h.attach(SiteDao.class).defaultServiceMinutes(serviceId).orElse(10);
            all.addAll(defaultGrid(minutes));
        }
        return all.stream().mapToDouble(Double::doubleValue).toArray();
    }

    private double[] weekdayHistory(Handle h, long serviceId, ZoneId zone, LocalDate date, Instant dayStart) {
        String key = serviceId + "@" + date;
        if (!weekdays.containsKey(key)) {
            weekdays.keySet().removeIf(k -> !k.endsWith("@" + date)); // yesterday's are not needed again
        }
        return weekdays.computeIfAbsent(key, k -> {
            var rows = h.attach(TicketDao.class).serviceTimes(serviceId,
                    dayStart.minus(Duration.ofDays(7L * HISTORY_WEEKS)), dayStart, 5000);
            var sameDay = rows.stream().filter(r -> Instant.ofEpochMilli(r.endedAt()).atZone(zone).getDayOfWeek()
                    == date.getDayOfWeek()).limit(HISTORY_SAMPLE).toList();
            return minutes(sameDay).stream().mapToDouble(Double::doubleValue).toArray();
        });
    }

    static List<Double> defaultGrid(int meanMinutes) {
        double sigma2 = Math.log(1 + DEFAULT_CV * DEFAULT_CV);
        double mu = Math.log(meanMinutes) - sigma2 / 2;
        List<Double> grid = new ArrayList<>();
        for (double z : GRID) {
            grid.add(Math.exp(mu + Math.sqrt(sigma2) * z));
        }
        return grid;
    }

    private static List<Double> minutes(List<TicketDao.ServiceTime> rows) {
        return rows.stream().filter(r -> r.millis() != null && r.millis() >= 0).map(r -> r.millis() / 60_000.0).toList();
    }

    /** A call at a service ended: its measured times are read again at the next estimate. */
    @Override
    public void moved(WriteTransaction tx, TicketAction action, TicketDto before, TicketDto after, String actor) {
        boolean endsCall = before.state() == TicketState.CALLED || before.state() == TicketState.SERVING;
        if (endsCall && after.state() != TicketState.SERVING && after.state() != TicketState.CALLED) {
            long serviceId = before.serviceId();
            tx.afterCommit(() -> today.remove(serviceId));
        }
    }

    private record Measured(LocalDate date, Instant readAt, List<Double> minutes) {
    }
}
