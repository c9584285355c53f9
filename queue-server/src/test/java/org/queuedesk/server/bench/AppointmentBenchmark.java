package org.queuedesk.server.bench;

import java.net.URI;
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
import org.queuedesk.common.auth.CreateUserRequest;
import org.queuedesk.server.testing.Api;

/**
 * The appointments section of the benchmark (README, "Benchmark"): the free-slot search of one service over 30
 * days with 50 doctors (target p99 < 20 ms), and booking at 100 a second while 200 desks each act once a second
 * (target p99 < 5 ms). Sizes from {@code -Dbench.doctors}, {@code -Dbench.days}, {@code -Dbench.bookingsPerSecond},
 * {@code -Dbench.appointmentDesks}, {@code -Dbench.appointmentSeconds} (small ones while developing).
 */
final class AppointmentBenchmark {

    static final int DOCTORS = Integer.getInteger("bench.doctors", 50);
    static final int DAYS = Integer.getInteger("bench.days", 30);
    static final int BOOKINGS_PER_SECOND = Integer.getInteger("bench.bookingsPerSecond", 100);
    static final int DESKS = Integer.getInteger("bench.appointmentDesks", 200);
    static final int SECONDS = Integer.getInteger("bench.appointmentSeconds", 10);
    private static final int SEARCHES = Integer.getInteger("bench.searches", 200);
    private static final int BOOKING_CONNECTIONS = 10;
    private static final ZoneId ZONE = ZoneId.of("Europe/Madrid");

    private AppointmentBenchmark() {
    }

    /** Runs both cases on the server behind {@code api}; {@code desks} are the walk-in desks (QueueBenchmark's). */
    static void run(Api api, List<QueueBenchmark.Desk> desks, StringBuilder out) throws InterruptedException {
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
        String search = "/api/sites/" + site + "/slots?serviceId=" + service + "&from=" + from + "&to=" + to;
        var slots = new ArrayList<>(Arrays.asList(api.get(search).as(SlotDto[].class)));

        // booking, open loop, while the desks act once a second
        Collections.shuffle(slots, new Random(11));
        // a few unmeasured bookings first, so the JIT has compiled the booking path
        int warmUp = Math.min(200, slots.size() / 10);
        for (var slot : slots.subList(0, warmUp)) {
            api.post("/api/appointments", bookingBody(service, slot), UUID.randomUUID().toString());
        }
        int bookings = Math.min(slots.size() - warmUp, BOOKINGS_PER_SECOND * SECONDS);
        var booked = warmUp + book(api, service, slots.subList(warmUp, warmUp + bookings), desks, out);

        // the search, with those bookings in place (sequential: one receptionist at a time)
        for (int i = 0; i < 20; i++) {
            api.get(search); // warm-up
        }
        long[] took = new long[SEARCHES];
        int size = 0;
        for (int i = 0; i < SEARCHES; i++) {
            long start = System.nanoTime();
            var response = api.get(search);
            took[i] = System.nanoTime() - start;
            size = response.body().length();
        }
        Arrays.sort(took);
        QueueBenchmark.line(out, "Appointments: free-slot search (GET /slots) of one service with %d doctors over %d days (%,d slots"
                + " offered, %,d booked; %,d bytes of JSON), %d searches one after another:", DOCTORS, DAYS, slots.size() - booked,
                booked, size, SEARCHES);
        QueueBenchmark.line(out, "  p50 %.2f / p99 %.2f / max %.2f ms   (target p99 < 20 ms)", QueueBenchmark.ms(QueueBenchmark.pct(took, 0.50)),
                QueueBenchmark.ms(QueueBenchmark.pct(took, 0.99)), QueueBenchmark.ms(took[took.length - 1]));
    }

    private static int book(Api api, long service, List<SlotDto> slots, List<QueueBenchmark.Desk> desks, StringBuilder out)
            throws InterruptedException {
        URI base = URI.create(api.baseUrl());
        var deskLoad = new QueueBenchmark.LoadResult[1];
        var deskThread = new Thread(() -> {
            try {
                deskLoad[0] = QueueBenchmark.openLoop(api, desks, Duration.ofSeconds(SECONDS));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "bench-appointment-desks");
        deskThread.start();

        long period = TimeUnit.SECONDS.toNanos(1) / BOOKINGS_PER_SECOND;
        long begin = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(200);
        long[] took = new long[slots.size()];
        var errors = new AtomicInteger();
        var threads = new ArrayList<Thread>();
        for (int c = 0; c < BOOKING_CONNECTIONS; c++) {
            int first = c;
            var t = new Thread(() -> {
                try (var http = new RawHttpConnection(base.getHost(), base.getPort())) {
                    for (int i = first; i < slots.size(); i += BOOKING_CONNECTIONS) {
                        long due = begin + period * i;
                        parkUntil(due);
                        var slot = slots.get(i);
                        int status = http.post("/api/appointments", bookingJson(service, slot), UUID.randomUUID().toString());
                        took[i] = System.nanoTime() - due;
                        if (status != 201) {
                            errors.incrementAndGet();
                        }
                    }
                }
            }, "bench-booking-" + c);
            t.setDaemon(true);
            threads.add(t);
            t.start();
        }
        for (var t : threads) {
            t.join();
        }
        deskThread.join();
        long[] sorted = took.clone();
        Arrays.sort(sorted);
        var d = deskLoad[0];
        QueueBenchmark.line(out, "Appointments: booking (POST /api/appointments), %d a second for %d s over %d connections, each a"
                + " free slot, latency from its scheduled time;", BOOKINGS_PER_SECOND, slots.size() / Math.max(1, BOOKINGS_PER_SECOND),
                BOOKING_CONNECTIONS);
        QueueBenchmark.line(out, "  meanwhile %d desks each act once a second (issue, then Next):", desks.size());
        QueueBenchmark.line(out, "  booking p50 %.2f / p99 %.2f / max %.2f ms, errors %d   (target p99 < 5 ms)",
                QueueBenchmark.ms(QueueBenchmark.pct(sorted, 0.50)), QueueBenchmark.ms(QueueBenchmark.pct(sorted, 0.99)),
                QueueBenchmark.ms(sorted[sorted.length - 1]), errors.get());
        QueueBenchmark.line(out, "  desks: issue p99 %.2f ms, Next p99 %.2f ms, errors %d",
                QueueBenchmark.ms(QueueBenchmark.pct(d.issue(), 0.99)), QueueBenchmark.ms(QueueBenchmark.pct(d.next(), 0.99)),
                d.errors());
        return slots.size() - errors.get(); // the measured bookings that took their slot
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
