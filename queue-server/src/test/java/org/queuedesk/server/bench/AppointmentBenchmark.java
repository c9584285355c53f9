package org.queuedesk.server.bench;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import org.queuedesk.common.Role;
import org.queuedesk.common.appointment.ScheduleBlockRequest;
import org.queuedesk.common.appointment.ScheduleRequest;
import org.queuedesk.common.appointment.SlotDto;
import org.queuedesk.common.appointment.SlotPageDto;
import org.queuedesk.common.auth.CreateUserRequest;
import org.queuedesk.server.testing.Api;

/**
 * The appointments section of the benchmark (README, "Benchmark"): a person's free-slot search of one service
 * with 50 doctors over 30 days — the calendar of the 30 days ({@code GET /slot-days}), then the first 20 free
 * slots from a day of it ({@code GET /slots?limit=20}) — (target p99 < 20 ms each), and booking at 100 a second
 * while 200 desks each act once a second (target p99 < 5 ms), with the writer's CPU per booking measured alone. Sizes from {@code -Dbench.doctors}, {@code -Dbench.days}, {@code -Dbench.bookingsPerSecond},
 * {@code -Dbench.appointmentDesks}, {@code -Dbench.appointmentSeconds} (small ones while developing).
 */
final class AppointmentBenchmark {

    static final int DOCTORS = Integer.getInteger("bench.doctors", 50);
    static final int DAYS = Integer.getInteger("bench.days", 30);
    static final int BOOKINGS_PER_SECOND = Integer.getInteger("bench.bookingsPerSecond", 100);
    static final int DESKS = Integer.getInteger("bench.appointmentDesks", 200);
    static final int SECONDS = Integer.getInteger("bench.appointmentSeconds", 10);
    /** Rows per bare commit in the disk's floor ({@code -Dbench.floorRows}): about what one booking's commit writes. */
    private static final int FLOOR_ROWS = Integer.getInteger("bench.floorRows", 8);
    private static final int SEARCHES = Integer.getInteger("bench.searches", 200);
    /** Free slots a person reads at once: a screen of times (README, "Appointments"). */
    private static final int FIRST_SLOTS = 20;
    /** Bookings one after another on one connection, for the writer's CPU per booking with nothing else running. */
    private static final int ALONE = Integer.getInteger("bench.bookingsAlone", 300);
    private static final int BOOKING_CONNECTIONS = 10;
    private static final ZoneId ZONE = ZoneId.of("Europe/Madrid");

    private AppointmentBenchmark() {
    }

    /** Runs both cases on the in-process server behind {@code api}; {@code desks} are the walk-in desks (QueueBenchmark's). */
    static void run(Api api, List<QueueBenchmark.Desk> desks, StringBuilder out) throws InterruptedException {
        run(api, QueueBenchmark.Instances.inProcess(api), desks, out);
    }

    /**
     * As {@link #run(Api, List, StringBuilder)} on {@code server}, which may be a server in a JVM of its own
     * (SeparateAppointmentsProbe): the CPU figures then read this JVM's threads and say nothing.
     */
    static void run(Api api, QueueBenchmark.Instances server, List<QueueBenchmark.Desk> desks, StringBuilder out)
            throws InterruptedException {
        long site = api.createSite("Appointments Clinic", ZONE.getId()).id();
        long service = api.createService(site, "General practice", "GP").id();
        long room = api.createRoom(site, "Room A").id();
        // weekdays 09:00-17:00 in 15-minute slots, one patient each: 32 a day per doctor
        var weekdays = new ArrayList<ScheduleBlockRequest>();
        for (int day = 1; day <= 5; day++) {
            weekdays.add(new ScheduleBlockRequest(day, "09:00", "17:00", List.of(service), room, 15, 1));
        }
        for (int i = 1; i <= DOCTORS; i++) {
            String doctor = "bench-dr-" + i;
            int created = api.post("/api/users", new CreateUserRequest(doctor, "a-long-enough-password-1",
                    List.of(Role.DOCTOR))).status();
            int scheduled = put(api, "/api/sites/" + site + "/schedules/" + doctor, new ScheduleRequest(weekdays));
            if (created >= 300 && created != 409 || scheduled != 200) {
                throw new IllegalStateException("setting up " + doctor + ": " + created + " / " + scheduled);
            }
        }
        LocalDate from = LocalDate.now(ZONE).plusDays(1);
        LocalDate to = from.plusDays(DAYS - 1);
        String base = "/api/sites/" + site;
        String calendar = base + "/slot-days?serviceId=" + service + "&from=" + from + "&to=" + to;
        var slots = allFreeSlots(api, base + "/slots?serviceId=" + service + "&from=" + from + "&to=" + to);

        // booking, open loop, while the desks act once a second
        Collections.shuffle(slots, new Random(11));
        // a few unmeasured bookings first, so the JIT has compiled the booking path
        int warmUp = Math.min(200, slots.size() / 10);
        for (var slot : slots.subList(0, warmUp)) {
            api.post("/api/appointments", bookingBody(service, slot), UUID.randomUUID().toString());
        }
        int alone = Math.min(ALONE, (slots.size() - warmUp) / 4);
        bookAlone(api, service, slots.subList(warmUp, warmUp + alone), out);
        int first = warmUp + alone;
        int bookings = Math.min(slots.size() - first, BOOKINGS_PER_SECOND * SECONDS);
        var booked = first + book(api, server, service, slots.subList(first, first + bookings), desks, out);

        // a person's search, with those bookings in place (one receptionist at a time): the calendar of the 30
        // days, then the first free slots of a day picked in it (each day in turn)
        for (int i = 0; i < 20; i++) {
            api.get(calendar); // warm-up
            api.get(firstSlots(base, service, from.plusDays(i % DAYS), to));
        }
        long[] days = new long[SEARCHES];
        long[] times = new long[SEARCHES];
        long[] both = new long[SEARCHES];
        int calendarBytes = 0;
        int slotBytes = 0;
        long cpuBefore = serverCpuNanos();
        for (int i = 0; i < SEARCHES; i++) {
            long start = System.nanoTime();
            var answer = api.get(calendar);
            long middle = System.nanoTime();
            var page = api.get(firstSlots(base, service, from.plusDays(i % DAYS), to));
            long end = System.nanoTime();
            days[i] = middle - start;
            times[i] = end - middle;
            both[i] = end - start;
            calendarBytes = Math.max(calendarBytes, answer.body().length());
            slotBytes = Math.max(slotBytes, page.body().length());
            if (answer.status() != 200 || page.status() != 200) {
                throw new IllegalStateException("search: " + answer.status() + " / " + page.status());
            }
        }
        double cpuPerSearchMs = QueueBenchmark.ms((serverCpuNanos() - cpuBefore) / (double) SEARCHES);
        Arrays.sort(days);
        Arrays.sort(times);
        Arrays.sort(both);
        QueueBenchmark.line(out, "Appointments: a person's free-slot search of one service with %d doctors over %d days (%,d slots"
                + " offered, %,d booked), %d searches one after another, each the calendar of the %d days (GET /slot-days,"
                + " %,d bytes) then the first %d free slots from one of its days (GET /slots?limit=%d, at most %,d bytes):",
                DOCTORS, DAYS, slots.size() - booked, booked, SEARCHES, DAYS, calendarBytes, FIRST_SLOTS, FIRST_SLOTS, slotBytes);
        QueueBenchmark.line(out, "  calendar p50 %.2f / p99 %.2f ms; first slots p50 %.2f / p99 %.2f ms   (target p99 < 20 ms each)",
                QueueBenchmark.ms(QueueBenchmark.pct(days, 0.50)), QueueBenchmark.ms(QueueBenchmark.pct(days, 0.99)),
                QueueBenchmark.ms(QueueBenchmark.pct(times, 0.50)), QueueBenchmark.ms(QueueBenchmark.pct(times, 0.99)));
        QueueBenchmark.line(out, "  both p50 %.2f / p99 %.2f / max %.2f ms; server CPU %.2f ms per search (both requests)",
                QueueBenchmark.ms(QueueBenchmark.pct(both, 0.50)), QueueBenchmark.ms(QueueBenchmark.pct(both, 0.99)),
                QueueBenchmark.ms(both[both.length - 1]), cpuPerSearchMs);
    }

    private static String firstSlots(String base, long service, LocalDate from, LocalDate to) {
        return base + "/slots?serviceId=" + service + "&from=" + from + "&to=" + to + "&limit=" + FIRST_SLOTS;
    }

    /** Every free slot of the range, page after page (the benchmark's own set-up: bookings each take one). */
    private static List<SlotDto> allFreeSlots(Api api, String search) {
        var all = new ArrayList<SlotDto>();
        String after = null;
        do {
            var page = api.get(search + "&limit=200" + (after == null ? ""
                    : "&after=" + java.net.URLEncoder.encode(after, java.nio.charset.StandardCharsets.UTF_8)))
                    .as(SlotPageDto.class);
            all.addAll(page.slots());
            after = page.next();
        } while (after != null);
        return all;
    }

    /**
     * Bookings one after another on one connection with nothing else running: the writer thread's CPU per booking
     * (its share of a booking, what other load disturbs least) and the server's (every thread of it).
     */
    private static void bookAlone(Api api, long service, List<SlotDto> slots, StringBuilder out) {
        URI base = URI.create(api.baseUrl());
        long[] took = new long[slots.size()];
        long writerBefore = writerCpuNanos();
        long serverBefore = serverCpuNanos();
        int errors = 0;
        try (var http = new RawHttpConnection(base.getHost(), base.getPort())) {
            for (int i = 0; i < slots.size(); i++) {
                long start = System.nanoTime();
                int status = http.post("/api/appointments", bookingJson(service, slots.get(i)), UUID.randomUUID().toString());
                took[i] = System.nanoTime() - start;
                errors += status == 201 ? 0 : 1;
            }
        }
        double writerUs = (writerCpuNanos() - writerBefore) / 1e3 / Math.max(1, slots.size());
        double serverUs = (serverCpuNanos() - serverBefore) / 1e3 / Math.max(1, slots.size());
        Arrays.sort(took);
        QueueBenchmark.line(out, "Appointments: booking alone, %d one after another on one connection: p50 %.2f / p99 %.2f ms,"
                + " writer CPU %.0f us per booking, server CPU %.0f us per booking, errors %d", slots.size(),
                QueueBenchmark.ms(QueueBenchmark.pct(took, 0.50)), QueueBenchmark.ms(QueueBenchmark.pct(took, 0.99)),
                writerUs, serverUs, errors);
    }

    /** CPU time so far of the server's single writer thread. */
    private static long writerCpuNanos() {
        return cpuOfThreads(name -> name.startsWith("queuedesk-writer"));
    }

    /** CPU time so far of the server's threads: its HTTP pool and its writer. */
    private static long serverCpuNanos() {
        return cpuOfThreads(name -> name.startsWith("queuedesk-writer") || name.startsWith("JettyServerThreadPool"));
    }

    private static long cpuOfThreads(java.util.function.Predicate<String> named) {
        var threads = java.lang.management.ManagementFactory.getThreadMXBean();
        long total = 0;
        for (var info : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (info != null && named.test(info.getThreadName())) {
                total += Math.max(0, threads.getThreadCpuTime(info.getThreadId()));
            }
        }
        return total;
    }

    private static final String BOOKED = "route=\"/api/appointments\",status=\"201\"";
    /** The single writer's COMMIT timer (SQLite only; absent on PostgreSQL, printed as NaN). */
    private static final String COMMITS = "queuedesk_writer_commit_seconds";

    private static int book(Api api, QueueBenchmark.Instances server, long service, List<SlotDto> slots,
                            List<QueueBenchmark.Desk> desks, StringBuilder out)
            throws InterruptedException {
        URI base = URI.create(api.baseUrl());
        var bookingsBefore = QueueBenchmark.serverHistogram(api, "http_server_requests_seconds", BOOKED);
        var commitsBefore = QueueBenchmark.serverHistogram(api, COMMITS, "");
        var errors = new AtomicInteger();
        var booking = whileDesksAct(server, desks, () -> paced(base, slots.size(), (http, i) -> http.post(
                "/api/appointments", bookingJson(service, slots.get(i)), UUID.randomUUID().toString()) == 201, errors));
        long[] took = booking.took();
        var bookingsAfter = QueueBenchmark.serverHistogram(api, "http_server_requests_seconds", BOOKED);
        var commitsAfter = QueueBenchmark.serverHistogram(api, COMMITS, "");
        long[] sorted = took.clone();
        Arrays.sort(sorted);
        var d = booking.desks();
        QueueBenchmark.line(out, "Appointments: booking (POST /api/appointments), %d a second for %d s over %d connections, each a"
                + " free slot, latency from its scheduled time;", BOOKINGS_PER_SECOND, slots.size() / Math.max(1, BOOKINGS_PER_SECOND),
                BOOKING_CONNECTIONS);
        QueueBenchmark.line(out, "  meanwhile %d desks each act once a second (issue, then Next):", desks.size());
        QueueBenchmark.line(out, "  booking p50 %.2f / p99 %.2f / max %.2f ms, errors %d   (target p99 < 5 ms)",
                QueueBenchmark.ms(QueueBenchmark.pct(sorted, 0.50)), QueueBenchmark.ms(QueueBenchmark.pct(sorted, 0.99)),
                QueueBenchmark.ms(sorted[sorted.length - 1]), errors.get());
        QueueBenchmark.line(out, "  inside the server (its own timers, bucket bounds): booking p99 <=%.2f ms; the writer's COMMIT"
                        + " p50 <=%.2f / p99 <=%.2f / max <=%.2f ms",
                QueueBenchmark.serverPercentileMs(bookingsBefore, bookingsAfter, 0.99),
                QueueBenchmark.serverPercentileMs(commitsBefore, commitsAfter, 0.50),
                QueueBenchmark.serverPercentileMs(commitsBefore, commitsAfter, 0.99),
                QueueBenchmark.serverPercentileMs(commitsBefore, commitsAfter, 1.0));
        QueueBenchmark.line(out, "  desks: issue p99 %.2f ms, Next p99 %.2f ms, errors %d",
                QueueBenchmark.ms(QueueBenchmark.pct(d.issue(), 0.99)), QueueBenchmark.ms(QueueBenchmark.pct(d.next(), 0.99)),
                d.errors());
        // the machine's own floor under the same load: a request that neither writes nor computes, at the same rate
        // on as many connections, while the desks act as before (its p99 bounds what any request can reach here)
        var floorErrors = new AtomicInteger();
        var healthChecks = whileDesksAct(server, desks,
                () -> paced(base, slots.size(), (http, i) -> http.get("/health") == 200, floorErrors));
        long[] floor = healthChecks.took();
        var floorDesks = healthChecks.desks();
        Arrays.sort(floor);
        QueueBenchmark.line(out, "  the machine's floor, the same load with GET /health (one read of SELECT 1) instead of each booking:"
                        + " p50 %.2f / p99 %.2f / max %.2f ms, errors %d; desks meanwhile issue p99 %.2f, Next p99 %.2f ms",
                QueueBenchmark.ms(QueueBenchmark.pct(floor, 0.50)), QueueBenchmark.ms(QueueBenchmark.pct(floor, 0.99)),
                QueueBenchmark.ms(floor[floor.length - 1]), floorErrors.get(),
                QueueBenchmark.ms(QueueBenchmark.pct(floorDesks.issue(), 0.99)),
                QueueBenchmark.ms(QueueBenchmark.pct(floorDesks.next(), 0.99)));
        double commits = commitsAfter.isEmpty() ? 0
                : commitsAfter.lastEntry().getValue() - commitsBefore.getOrDefault(commitsAfter.lastKey(), 0.0);
        if (commits > 0) { // SQLite: the disk's own floor at the rate the server committed, measured right after
            try {
                QueueBenchmark.line(out, "  the disk's floor, alone, right after: bare durable commits paced at the server's rate, %s",
                        QueueBenchmark.pacedBareCommits(Path.of("target", "test-data", "floor-commits.db"),
                                org.queuedesk.server.ground.SqliteSettings.defaults(), commits / SECONDS,
                                Duration.ofSeconds(SECONDS), FLOOR_ROWS));
            } catch (java.sql.SQLException | java.io.IOException e) {
                throw new IllegalStateException("the paced bare commits failed", e);
            }
        }
        return slots.size() - errors.get(); // the measured bookings that took their slot
    }

    /** Paced requests' times, and the desks' figures meanwhile. */
    private record Meanwhile(long[] took, QueueBenchmark.LoadResult desks) {
    }

    private interface PacedRun {
        long[] run() throws InterruptedException;
    }

    /** {@code requests} on this thread while every desk acts once a second on another, for as long. */
    private static Meanwhile whileDesksAct(QueueBenchmark.Instances server, List<QueueBenchmark.Desk> desks,
                                           PacedRun requests) throws InterruptedException {
        var deskLoad = new QueueBenchmark.LoadResult[1];
        var deskThread = new Thread(() -> {
            try {
                deskLoad[0] = QueueBenchmark.openLoop(server, desks, Duration.ofSeconds(SECONDS));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "bench-appointment-desks");
        deskThread.start();
        long[] took = requests.run();
        deskThread.join();
        return new Meanwhile(took, deskLoad[0]);
    }

    /** One request of an open-loop run: true when it did what it should. */
    private interface PacedRequest {
        boolean send(RawHttpConnection http, int index);
    }

    /**
     * {@code count} requests at {@link #BOOKINGS_PER_SECOND} over {@link #BOOKING_CONNECTIONS} keep-alive
     * connections, each timed from its scheduled start (a late one also counts the wait it caused); the times.
     */
    private static long[] paced(URI base, int count, PacedRequest request, AtomicInteger errors) throws InterruptedException {
        long period = TimeUnit.SECONDS.toNanos(1) / BOOKINGS_PER_SECOND;
        long begin = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(200);
        long[] took = new long[count];
        var threads = new ArrayList<Thread>();
        for (int c = 0; c < BOOKING_CONNECTIONS; c++) {
            int first = c;
            var t = new Thread(() -> {
                try (var http = new RawHttpConnection(base.getHost(), base.getPort())) {
                    for (int i = first; i < count; i += BOOKING_CONNECTIONS) {
                        long due = begin + period * i;
                        parkUntil(due);
                        boolean done = request.send(http, i);
                        took[i] = System.nanoTime() - due;
                        if (!done) {
                            errors.incrementAndGet();
                        }
                    }
                }
            }, "bench-paced-" + c);
            t.setDaemon(true);
            threads.add(t);
            t.start();
        }
        for (var t : threads) {
            t.join();
        }
        return took;
    }

    private static String bookingJson(long service, SlotDto slot) {
        return "{\"serviceId\":" + service + ",\"doctor\":\"" + slot.doctor() + "\",\"slotStart\":\"" + slot.start()
                + "\",\"patientName\":\"Bench Patient\",\"language\":\"en\"}";
    }

    private static java.util.Map<String, Object> bookingBody(long service, SlotDto slot) {
        return java.util.Map.of("serviceId", service, "doctor", slot.doctor(), "slotStart", slot.start().toString(),
                "patientName", "Bench Patient", "language", "en");
    }

    private static int put(Api api, String path, Object body) {
        try {
            return api.send(java.net.http.HttpRequest.newBuilder(URI.create(api.baseUrl() + path))
                    .header("Content-Type", "application/json")
                    .PUT(java.net.http.HttpRequest.BodyPublishers.ofString(Api.JSON.writeValueAsString(body)))).status();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void parkUntil(long nanoTime) {
        for (long left = nanoTime - System.nanoTime(); left > 0; left = nanoTime - System.nanoTime()) {
            LockSupport.parkNanos(left);
        }
    }
}
