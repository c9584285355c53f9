package org.queuedesk.server.bench;

import ch.qos.logback.classic.Level;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import org.flywaydb.core.Flyway;
import org.queuedesk.server.app.QueueServer;
import org.queuedesk.server.app.ServerConfig;
import org.queuedesk.server.backup.BackupManifest;
import org.queuedesk.server.backup.BackupSettings;
import org.queuedesk.server.testing.Api;
import org.queuedesk.server.testing.OpenAccessAuthenticator;
import org.queuedesk.server.testing.TestServer;
import org.slf4j.LoggerFactory;

/**
 * Next's latency while a hot backup of a big database runs, against the same load without one. The database
 * is generated first (bulk insert of tickets and their history, journal off, until the file reaches
 * {@code bench.backupMb} MB, 1024 by default); then desks issue and call at a steady pace (open loop, latency
 * from each request's scheduled start) for a baseline window, and again while {@code POST /api/admin/backup}
 * copies the database.
 *
 * <p>Run with {@code mvn -B -q -pl queue-server -am -Pbench verify -DskipTests
 * -Dbench.main=org.queuedesk.server.bench.BackupBenchmark -Dbench.backupMb=1024}.
 */
public final class BackupBenchmark {

    private static final int DESKS = 4;
    private static final Duration PACE = Duration.ofMillis(100); // each desk: an issue and a Next every 100 ms (40 writes/s)
    private static final Duration BASELINE = Duration.ofSeconds(15);

    private BackupBenchmark() {
    }

    public static void main(String[] args) {
        int status = 0;
        try {
            run(Integer.getInteger("bench.backupMb", 1024));
        } catch (Throwable e) {
            e.printStackTrace();
            status = 1;
        }
        System.out.flush();
        System.exit(status);
    }

    private static void run(int targetMb) throws Exception {
        ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).setLevel(Level.WARN);
        ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger("org.queuedesk.server.backup")).setLevel(Level.DEBUG);
        System.out.printf("QueueDesk backup benchmark, %s; %d cores, Java %s, load average %.2f%n",
                Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS),
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"),
                java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        Path dataDir = TestServer.freshDir();
        // bench.backupDir puts the copy elsewhere (e.g. on tmpfs, to tell disk stalls from CPU or lock stalls)
        Path backups = System.getProperty("bench.backupDir", "").isBlank() ? TestServer.freshDir()
                : Files.createTempDirectory(Path.of(System.getProperty("bench.backupDir")), "bench-backups");
        long started = System.nanoTime();
        long rows = generate(dataDir.resolve("queuedesk.db"), targetMb);
        long bytes = Files.size(dataDir.resolve("queuedesk.db"));
        System.out.printf("generated %,d tickets (+ one history row each): %,d MB in %.0f s%n", rows,
                bytes / (1024 * 1024), (System.nanoTime() - started) / 1e9);

        var config = ServerConfig.forTests(dataDir).withDemo(true).withBackup(new BackupSettings(backups, null, 2));
        try (var server = new QueueServer(config, Clock.systemUTC(), new OpenAccessAuthenticator()).start()) {
            var api = new Api(server.baseUrl());
            var desks = setUpDesks(api);
            pace(api, desks, () -> false, Duration.ofSeconds(5)); // JIT warm-up, not reported
            var baseline = pace(api, desks, () -> false, BASELINE);
            report("without a backup", baseline);

            var backupDone = new AtomicBoolean();
            var manifest = new BackupManifest[1];
            long[] backupNanos = new long[1];
            var backup = new Thread(() -> {
                long t0 = System.nanoTime();
                var answer = api.post("/api/admin/backup", null);
                backupNanos[0] = System.nanoTime() - t0;
                if (answer.status() == 200) {
                    manifest[0] = answer.as(BackupManifest.class);
                } else {
                    System.out.println("backup failed: " + answer.status() + " " + answer.body());
                }
                backupDone.set(true);
            });
            backup.start();
            var during = pace(api, desks, backupDone::get, Duration.ofMinutes(10));
            backup.join();
            long copied = manifest[0] == null ? 0 : manifest[0].files().get(0).bytes();
            System.out.printf("backup: %,d MB copied (files copied at a third of the time, then SHA-256) in %.1f s%n",
                    copied / (1024 * 1024), backupNanos[0] / 1e9);
            report("during the backup", during);
        }
    }

    record Desk(long service, long session) {
    }

    record Window(long[] next, int errors, double seconds, long[][] slowest) {
    }

    private static List<Desk> setUpDesks(Api api) {
        var desks = new ArrayList<Desk>();
        for (int i = 0; i < DESKS; i++) {
            long room = api.createRoom(1, "Bench room " + i).id();
            long service = 1 + i;
            desks.add(new Desk(service, api.openSession(room, List.of(service), "dr-" + i).id()));
        }
        return desks;
    }

    /** Each desk issues a ticket and presses Next every {@link #PACE}, until {@code done} or {@code limit}. */
    private static Window pace(Api api, List<Desk> desks, java.util.function.BooleanSupplier done, Duration limit)
            throws InterruptedException {
        var samples = new ConcurrentLinkedQueue<Long>();
        var timeline = new ConcurrentLinkedQueue<long[]>();
        var errors = new AtomicInteger();
        var stop = new AtomicBoolean();
        long start = System.nanoTime();
        var threads = new ArrayList<Thread>();
        for (int d = 0; d < desks.size(); d++) {
            var desk = desks.get(d);
            long offset = PACE.toNanos() * d / desks.size();
            var t = new Thread(() -> {
                long slot = start + offset;
                while (!stop.get()) {
                    parkUntil(slot);
                    if (api.post("/api/tickets", new org.queuedesk.common.ticket.IssueTicketRequest(desk.service(),
                            null, null, null, null, null)).status() != 201) {
                        errors.incrementAndGet();
                    }
                    long nextAt = slot + PACE.toNanos() / 2;
                    parkUntil(nextAt);
                    if (api.post("/api/sessions/" + desk.session() + "/next", null).status() != 200) {
                        errors.incrementAndGet();
                    }
                    long took = System.nanoTime() - nextAt; // from its scheduled start: waiting counts
                    samples.add(took);
                    timeline.add(new long[] {(nextAt - start) / 1_000_000, took / 1_000_000});
                    slot += PACE.toNanos();
                }
            });
            t.start();
            threads.add(t);
        }
        long deadline = start + limit.toNanos();
        while (!done.getAsBoolean() && System.nanoTime() < deadline) {
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(5));
        }
        stop.set(true);
        for (var t : threads) {
            t.join();
        }
        long[] next = samples.stream().mapToLong(Long::longValue).sorted().toArray();
        long[][] slowest = timeline.stream().filter(t -> t[1] >= 50).sorted(Comparator.comparingLong(t -> t[0]))
                .toArray(long[][]::new);
        return new Window(next, errors.get(), (System.nanoTime() - start) / 1e9, slowest);
    }

    private static void report(String what, Window w) {
        System.out.printf("Next %-18s: %,6d calls in %5.1f s, p50 %6.2f / p99 %7.2f / max %7.2f ms, errors %d%n",
                what, w.next.length, w.seconds, pct(w.next, 0.50) / 1e6, pct(w.next, 0.99) / 1e6,
                w.next.length == 0 ? 0 : w.next[w.next.length - 1] / 1e6, w.errors);
        // when the slow calls happened (ms from the window's start), to lay beside the backup's phases
        var when = new StringBuilder();
        for (long[] t : w.slowest) {
            when.append(String.format(" %d:%d", t[0], t[1]));
        }
        if (w.slowest.length > 0) {
            System.out.println("  Nexts >= 50 ms (start ms:took ms):" + when);
        }
    }

    private static double pct(long[] sorted, double q) {
        if (sorted.length == 0) {
            return 0;
        }
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(q * sorted.length) - 1)];
    }

    private static void parkUntil(long nanoTime) {
        long wait;
        while ((wait = nanoTime - System.nanoTime()) > 0) {
            LockSupport.parkNanos(wait);
        }
    }

    /**
     * The schema by the server's migrations, then 10 services and tickets of the last 25 days (done, with a
     * name, a phone and one history row each) in large transactions with the journal off, until the file
     * reaches the target. Recent days, so the start-up purge of old personal data has nothing to do.
     */
    private static long generate(Path file, int targetMb) throws Exception {
        String url = "jdbc:sqlite:" + file.toAbsolutePath();
        Flyway.configure().dataSource(url, null, null).locations("classpath:db/migration", "classpath:db/common").load().migrate();
        long target = (long) targetMb * 1024 * 1024;
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        long now = System.currentTimeMillis();
        long i = 0;
        try (var c = DriverManager.getConnection(url); var s = c.createStatement()) {
            s.execute("PRAGMA journal_mode=OFF");
            s.execute("PRAGMA synchronous=OFF");
            s.execute("INSERT INTO sites(id, name, time_zone) VALUES (1, 'Benchmark Clinic', 'UTC')");
            for (int sv = 1; sv <= 10; sv++) {
                s.execute("INSERT INTO services(id, site_id, name, prefix) VALUES (" + sv + ", 1, 'Service " + sv
                        + "', '" + (char) ('A' + sv - 1) + "')");
            }
            c.setAutoCommit(false);
            try (var ticket = c.prepareStatement("INSERT INTO tickets(id, site_id, number_service_id, service_date, seq,"
                    + " number, service_id, state, priority_rank, source, patient_name, phone, issued_at, queued_at,"
                    + " called_at, finished_at) VALUES (?, 1, ?, ?, ?, ?, ?, 'done', 3, 'reception', ?, ?, ?, ?, ?, ?)");
                 var history = c.prepareStatement("INSERT INTO ticket_events(ticket_id, action, from_state, to_state,"
                         + " service_id, actor, at) VALUES (?, 'done', 'serving', 'done', ?, 'dr-bench', ?)")) {
                while (true) {
                    for (int batch = 0; batch < 100_000; batch++, i++) {
                        int service = (int) (1 + i % 10);
                        int day = (int) (i / 10 % 25);
                        long seq = i / 250 + 1;
                        long at = now - day * 86_400_000L - (i % 36_000) * 1000;
                        ticket.setLong(1, i + 1);
                        ticket.setInt(2, service);
                        ticket.setString(3, today.minusDays(day).toString());
                        ticket.setLong(4, seq);
                        ticket.setString(5, (char) ('A' + service - 1) + "-" + seq);
                        ticket.setInt(6, service);
                        ticket.setString(7, "Patient " + Long.toString(i * 7919, 36) + " " + "Benchmark-Surname");
                        ticket.setString(8, "+3460" + String.format("%07d", i % 10_000_000));
                        ticket.setLong(9, at);
                        ticket.setLong(10, at);
                        ticket.setLong(11, at + 600_000);
                        ticket.setLong(12, at + 900_000);
                        ticket.addBatch();
                        history.setLong(1, i + 1);
                        history.setInt(2, service);
                        history.setLong(3, at + 900_000);
                        history.addBatch();
                    }
                    ticket.executeBatch();
                    history.executeBatch();
                    c.commit();
                    if (Files.size(file) >= target) {
                        break;
                    }
                }
            }
            // each day's counter where its tickets end, as issuing would have left it
            s.execute("INSERT INTO ticket_counters(service_id, local_date, last_seq)"
                    + " SELECT number_service_id, service_date, max(seq) FROM tickets GROUP BY 1, 2");
            c.commit();
            c.setAutoCommit(true);
            s.execute("PRAGMA journal_mode=WAL");
        }
        return i;
    }
}
