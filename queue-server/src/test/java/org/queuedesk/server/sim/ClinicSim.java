package org.queuedesk.server.sim;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.SplittableRandom;
import org.queuedesk.common.Role;
import org.queuedesk.common.json.JsonMapperFactory;
import org.queuedesk.common.queue.OpenSessionRequest;
import org.queuedesk.common.site.CreateRoomRequest;
import org.queuedesk.common.site.CreateServiceRequest;
import org.queuedesk.common.site.CreateSiteRequest;
import org.queuedesk.common.site.DefaultServiceMinutesRequest;
import org.queuedesk.common.ticket.IssueTicketRequest;
import org.queuedesk.common.ticket.Priority;
import org.queuedesk.common.ticket.TicketDto;
import org.queuedesk.common.ticket.TicketSource;
import org.queuedesk.server.event.EventHub;
import org.queuedesk.server.event.EventLog;
import org.queuedesk.server.ground.Database;
import org.queuedesk.server.ground.Principal;
import org.queuedesk.server.ground.SqliteSettings;
import org.queuedesk.server.queue.QueueService;
import org.queuedesk.server.queue.SessionDao;
import org.queuedesk.server.queue.WaitEstimates;
import org.queuedesk.server.site.SiteService;
import org.queuedesk.server.testing.MutableClock;
import org.queuedesk.server.ticket.Doctors;
import org.queuedesk.server.ticket.TicketDao;
import org.queuedesk.server.ticket.TicketMoves;
import org.queuedesk.server.ticket.TicketService;
import org.sqlite.SQLiteConfig;

/**
 * A clinic day in seconds: the real ticket, queue and wait-estimate code on a real SQLite file, driven by a
 * {@link MutableClock} through a list of timed events (arrivals, Next at the end of each consultation,
 * no-shows, pauses, an early close). Consecutive days share the file, so the same weekday's history builds
 * up as in a clinic. For every ticket it records the estimates at issue (the new one, as the status page and
 * the text message get it, and two baselines) and the real wait until its first call.
 */
final class ClinicSim implements AutoCloseable {

    static final double GP_MEAN = 12;
    static final double GP_SIGMA = 0.55;
    static final double BLOOD_MEAN = 5;
    static final double BLOOD_SIGMA = 0.45;
    static final double NO_SHOW = 0.05;
    static final int OPEN_HOUR = 8;

    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-05T07:00:00Z"));
    private final Database db;
    private final TicketService tickets;
    private final QueueService queue;
    private final WaitEstimates waits;
    private final long gp;
    private final long blood;
    private final List<Long> rooms = new ArrayList<>();

    ClinicSim(Path file) {
        db = Database.open(file, new SqliteSettings(SQLiteConfig.SynchronousMode.OFF, 5_000, 2));
        var events = new EventLog(JsonMapperFactory.create(), new EventHub(new SimpleMeterRegistry()), clock);
        waits = new WaitEstimates(clock);
        var moves = new TicketMoves(events, clock, waits);
        tickets = new TicketService(db, moves, events, clock, Doctors.ANY_USERNAME, (tx, a, b, c, d) -> { });
        queue = new QueueService(db, moves, events, clock, (tx, a, b, c, d) -> { }, waits);
        var sites = new SiteService(db);
        long site = sites.createSite(new CreateSiteRequest("Sim Clinic", "UTC")).id();
        gp = sites.createService(site, new CreateServiceRequest("General practice", "A", 3)).id();
        blood = sites.createService(site, new CreateServiceRequest("Blood tests", "B", 3)).id();
        // the admin's guesses of the minutes per patient (the real means are 12 and 5): the prior on thin days
        sites.setDefaultServiceMinutes(gp, new DefaultServiceMinutesRequest(11));
        sites.setDefaultServiceMinutes(blood, new DefaultServiceMinutesRequest(6));
        for (int i = 1; i <= 5; i++) {
            rooms.add(sites.createRoom(site, new CreateRoomRequest("Room " + i, null)).id());
        }
    }

    WaitEstimates waits() {
        return waits;
    }

    Database database() {
        return db;
    }

    MutableClock clock() {
        return clock;
    }

    /** Runs one day to its end (every arrival called or left) and returns its tickets. */
    List<Sample> runDay(LocalDate date, DayShape shape, long seed) {
        return new Day(date, shape, new SplittableRandom(seed)).run();
    }

    @Override
    public void close() {
        db.close();
    }

    /** A person at a desk: their session, their speed and what they do next. */
    private final class Desk {
        final Principal who;
        final long serviceId;
        final double mean;
        final double sigma;
        final double speed;
        long sessionId;
        boolean busy;
        boolean paused;
        boolean closed;
        Instant closeAt;

        Desk(String name, long serviceId, double mean, double sigma, double speed) {
            this.who = new Principal(name, EnumSet.of(Role.DOCTOR));
            this.serviceId = serviceId;
            this.mean = mean;
            this.sigma = sigma;
            this.speed = speed;
        }
    }

    private record Timed(Instant at, long order, Runnable action) {
    }

    private final class Day {
        final LocalDate date;
        final DayShape shape;
        final SplittableRandom random;
        final PriorityQueue<Timed> agenda = new PriorityQueue<>((a, b) -> a.at().equals(b.at())
                ? Long.compare(a.order(), b.order()) : a.at().compareTo(b.at()));
        final List<Desk> desks = new ArrayList<>();
        final Map<Long, Pending> pending = new HashMap<>();
        final List<Sample> done = new ArrayList<>();
        Instant arrivalsEnd;
        long order;

        Day(LocalDate date, DayShape shape, SplittableRandom random) {
            this.date = date;
            this.shape = shape;
            this.random = random;
        }

        Instant at(int hour, int minute) {
            return date.atTime(hour, minute).toInstant(ZoneOffset.UTC);
        }

        void schedule(Instant when, Runnable action) {
            agenda.add(new Timed(when, order++, action));
        }

        List<Sample> run() {
            clock.set(at(OPEN_HOUR, 0));
            for (int i = 1; i <= shape.gps(); i++) {
                desks.add(new Desk("gp" + i, gp, GP_MEAN, GP_SIGMA, 0.85 + 0.3 * random.nextDouble()));
            }
            desks.add(new Desk("nurse", blood, BLOOD_MEAN, BLOOD_SIGMA, 1.0));
            for (int i = 0; i < desks.size(); i++) {
                var desk = desks.get(i);
                long room = rooms.get(i);
                desk.sessionId = db.write(tx -> queue.open(tx, new OpenSessionRequest(room, List.of(desk.serviceId), null),
                        desk.who)).id();
            }
            arrivalsEnd = at(OPEN_HOUR + shape.gpPerHour().length, 0);
            arrivals(gp, shape.gpPerHour());
            arrivals(blood, shape.bloodPerHour());
            // a GP pauses 20 minutes some time between 09:00 and 11:00
            Desk pauser = desks.get(random.nextInt(shape.gps()));
            pause(pauser, at(9, 0).plus(Duration.ofMinutes(random.nextInt(120))), Duration.ofMinutes(20));
            if (shape.nursePause()) {
                pause(desks.get(desks.size() - 1), at(9, 0).plus(Duration.ofMinutes(random.nextInt(120))),
                        Duration.ofMinutes(15));
            }
            if (shape.earlyClose()) {
                Desk leaving = desks.get(shape.gps() - 1);
                leaving.closeAt = at(10, 30);
                schedule(leaving.closeAt, () -> {
                    if (!leaving.busy) {
                        press(leaving);
                    }
                });
            }
            desks.forEach(d -> schedule(clock.instant(), () -> press(d)));
            while (!agenda.isEmpty()) {
                Timed next = agenda.poll();
                clock.set(next.at());
                next.action().run();
            }
            desks.stream().filter(d -> !d.closed).forEach(d -> db.write(tx -> queue.close(tx, d.sessionId, d.who)));
            return done;
        }

        void arrivals(long serviceId, double[] perHour) {
            Instant t = at(OPEN_HOUR, 0);
            while (true) {
                int hour = (int) Duration.between(at(OPEN_HOUR, 0), t).toHours();
                if (hour >= perHour.length) {
                    return;
                }
                double gapMinutes = -Math.log(1 - random.nextDouble()) * 60 / perHour[hour];
                t = t.plusMillis((long) (gapMinutes * 60_000));
                if (t.isBefore(arrivalsEnd)) {
                    Instant when = t;
                    double roll = random.nextDouble();
                    schedule(when, () -> arrive(serviceId, roll));
                }
            }
        }

        void arrive(long serviceId, double roll) {
            Priority priority = Priority.NORMAL;
            String doctor = null;
            if (roll < 0.02) {
                priority = Priority.EMERGENCY;
            } else if (roll < 0.08) {
                priority = Priority.PRIORITY;
            } else if (serviceId == gp && roll < 0.18) {
                // appointments, with gp1 (who never leaves early)
                priority = Priority.APPOINTMENT;
                doctor = "gp1";
            }
            var request = new IssueTicketRequest(serviceId, priority, TicketSource.RECEPTION, null, null, doctor);
            TicketDto ticket = db.write(tx -> tickets.issue(tx, request, "reception"));
            Instant now = clock.instant();
            var estimates = db.read(h -> {
                int position = h.attach(TicketDao.class).waitingAhead(ticket) + 1;
                return new Pending(ticket, now, estimate(waits.forTicket(h, ticket)),
                        TodaysEstimator.estimate(h, serviceId, position, now).orElse(null),
                        naive(h, serviceId, position, now));
            });
            pending.put(ticket.id(), estimates);
            desks.stream().filter(d -> d.serviceId == serviceId && !d.busy && !d.paused && !d.closed)
                    .forEach(d -> schedule(now, () -> press(d)));
        }

        /** The doctor presses Next (finishing the current patient), or closes, as the day says. */
        void press(Desk desk) {
            if (desk.closed || desk.paused) {
                if (desk.paused && desk.busy) {
                    db.write(tx -> queue.done(tx, desk.sessionId, desk.who));
                    desk.busy = false;
                }
                return;
            }
            Instant now = clock.instant();
            if (desk.closeAt != null && !now.isBefore(desk.closeAt)) {
                if (desk.busy) {
                    db.write(tx -> queue.done(tx, desk.sessionId, desk.who));
                }
                db.write(tx -> queue.close(tx, desk.sessionId, desk.who));
                desk.closed = true;
                desk.busy = false;
                return;
            }
            var result = db.write(tx -> queue.next(tx, desk.sessionId, null, desk.who));
            TicketDto called = result.called();
            if (called == null) {
                desk.busy = false;
                return;
            }
            desk.busy = true;
            Pending p = pending.remove(called.id());
            if (p != null) {
                double real = Duration.between(p.issuedAt(), now).toMillis() / 60_000.0;
                done.add(new Sample(shape.name(), desk.serviceId == gp ? "GP" : "blood", called.priority().wireName(),
                        p.issuedAt().atZone(ZoneOffset.UTC).toLocalTime().toSecondOfDay() / 60, real, p.fresh(),
                        p.today(), p.naive()));
            }
            if (random.nextDouble() < NO_SHOW) {
                schedule(now.plus(Duration.ofMinutes(2)), () -> {
                    db.write(tx -> queue.noShow(tx, desk.sessionId, desk.who));
                    desk.busy = false;
                    press(desk);
                });
                return;
            }
            double mu = Math.log(desk.mean * desk.speed) - desk.sigma * desk.sigma / 2;
            double minutes = Math.exp(mu + desk.sigma * gaussian());
            schedule(now.plusMillis((long) (minutes * 60_000)), () -> press(desk));
        }

        void pause(Desk desk, Instant from, Duration length) {
            schedule(from, () -> {
                if (desk.closed) {
                    return;
                }
                db.write(tx -> queue.pause(tx, desk.sessionId, true, desk.who));
                desk.paused = true;
            });
            schedule(from.plus(length), () -> {
                if (desk.closed) {
                    return;
                }
                boolean stillBusy = desk.busy;
                db.write(tx -> queue.pause(tx, desk.sessionId, false, desk.who));
                desk.paused = false;
                if (!stillBusy) {
                    press(desk);
                }
            });
        }

        double gaussian() {
            double u = 1 - random.nextDouble();
            double v = random.nextDouble();
            return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
        }

        /** Baseline: position x mean service time (today's measured, else the default) / open rooms. */
        Sample.Estimate naive(org.jdbi.v3.core.Handle h, long serviceId, int position, Instant now) {
            int open = h.attach(SessionDao.class).openServing(serviceId).size();
            if (open == 0) {
                return null;
            }
            Instant dayStart = at(0, 0);
            var times = h.attach(TicketDao.class).serviceTimes(serviceId, dayStart, dayStart.plus(Duration.ofDays(1)), 10_000)
                    .stream().filter(t -> t.millis() != null).mapToDouble(t -> t.millis() / 60_000.0).toArray();
            double mean = times.length == 0 ? 10 : java.util.Arrays.stream(times).average().orElse(10);
            double point = position * mean / open;
            return new Sample.Estimate(point, 0.6 * point, 1.4 * point);
        }
    }

    static Sample.Estimate estimate(Optional<WaitEstimates.Wait> wait) {
        return wait.map(w -> new Sample.Estimate(w.minutes(), w.lowMinutes(), w.highMinutes())).orElse(null);
    }

    /** A ticket not called yet and what it was told at issue. */
    private record Pending(TicketDto ticket, Instant issuedAt, Sample.Estimate fresh, Sample.Estimate today,
                           Sample.Estimate naive) {
    }
}
