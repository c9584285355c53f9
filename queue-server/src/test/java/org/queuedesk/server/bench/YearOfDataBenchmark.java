package org.queuedesk.server.bench;

import ch.qos.logback.classic.Level;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.queuedesk.server.app.QueueServer;
import org.queuedesk.server.app.ServerConfig;
import org.queuedesk.server.testing.Api;
import org.queuedesk.server.testing.OpenAccessAuthenticator;
import org.queuedesk.server.testing.TestServer;
import org.slf4j.LoggerFactory;

/**
 * Issue 15, "a year of data": the requests a desk and a display make, timed on a fresh database and on one
 * grown to a year of a 30-site network, side by side (target: grown at most 1.2x fresh). The year is written
 * straight into the file (as {@code BackupBenchmark} does), not through the API: 30 sites of 4 services, 29
 * tickets a site a day (316,000 in a year), each issued, called and finished (three history rows), names and
 * phones only within the personal data retention, and stream events only within the event retention (30 days),
 * as the server's own retention jobs leave them. {@code -Dbench.yearDays=N} grows a shorter "year" (develop
 * with 20).
 *
 * <pre>mvn -B -q -pl queue-server -am -Pbench verify -DskipTests -Dbench.main=org.queuedesk.server.bench.YearOfDataBenchmark</pre>
 */
public final class YearOfDataBenchmark {

    private static final int SITES = 30;
    private static final int SERVICES_PER_SITE = 4;
    private static final int TICKETS_PER_SITE_DAY = 29;
    private static final int KEPT_DAYS = 30;
    private static final int ROUNDS = Integer.getInteger("bench.rounds", 300);
    private static final String[] REQUESTS = {"issue", "next", "today's list", "find by number", "history",
        "queue status (desk, display)", "services (display)"};

    private YearOfDataBenchmark() {
    }

    public static void main(String[] args) {
        int status = 0;
        try {
            run(Integer.getInteger("bench.yearDays", 365));
        } catch (Throwable e) {
            e.printStackTrace();
            status = 1;
        }
        System.out.flush();
        System.exit(status);
    }

    private static void run(int days) throws Exception {
        ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).setLevel(Level.WARN);
        System.out.printf("QueueDesk year-of-data benchmark, %s; %d cores, Java %s, load average %.2f%n",
                Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS),
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"),
                java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        Path fresh = TestServer.freshDir();
        generate(fresh.resolve("queuedesk.db"), 0);
        Path grown = TestServer.freshDir();
        long started = System.nanoTime();
        long tickets = generate(grown.resolve("queuedesk.db"), days);
        System.out.printf("grown: %,d days, %,d tickets, %,d MB, generated in %.0f s%n", days, tickets,
                Files.size(grown.resolve("queuedesk.db")) / (1024 * 1024), (System.nanoTime() - started) / 1e9);

        Path warmUp = TestServer.freshDir();
        generate(warmUp.resolve("queuedesk.db"), 0);
        measure(warmUp); // the JVM's warm-up, whichever database comes first: not reported
        var onFresh = measure(fresh);
        var onGrown = measure(grown);
        System.out.printf("%n%-30s %20s %20s %12s%n", "request (ms)", "fresh p50 / p99", "grown p50 / p99", "p50 ratio");
        for (String request : REQUESTS) {
            long[] f = onFresh.get(request);
            long[] g = onGrown.get(request);
            System.out.printf("%-30s %9.2f / %7.2f %9.2f / %7.2f %11.2fx%n", request, pct(f, 0.5), pct(f, 0.99),
                    pct(g, 0.5), pct(g, 0.99), pct(g, 0.5) / pct(f, 0.5));
        }
    }

    /** Each round, at each of site 1's four desks: what a desk does for one patient, and a display's reads. */
    private static Map<String, long[]> measure(Path dataDir) throws Exception {
        var samples = new LinkedHashMap<String, List<Long>>();
        for (String request : REQUESTS) {
            samples.put(request, new ArrayList<>());
        }
        var config = ServerConfig.forTests(dataDir);
        try (var server = new QueueServer(config, Clock.systemUTC(), new OpenAccessAuthenticator()).start()) {
            var api = new Api(server.baseUrl());
            var sessions = new ArrayList<Long>();
            for (int d = 0; d < SERVICES_PER_SITE; d++) {
                long room = api.createRoom(1, "Bench room " + d).id();
                sessions.add(api.openSession(room, List.of((long) d + 1), "dr-" + d).id());
            }
            for (int round = -50; round < ROUNDS; round++) { // the first 50 warm the JIT, not reported
                boolean keep = round >= 0;
                for (int d = 0; d < SERVICES_PER_SITE; d++) {
                    long service = d + 1;
                    long t0 = System.nanoTime();
                    var ticket = api.issue(service);
                    long t1 = System.nanoTime();
                    api.next(sessions.get(d));
                    long t2 = System.nanoTime();
                    ok(api.get("/api/services/" + service + "/tickets"));
                    long t3 = System.nanoTime();
                    ok(api.get("/api/sites/1/tickets?number=" + ticket.number()));
                    long t4 = System.nanoTime();
                    ok(api.get("/api/tickets/" + ticket.id() + "/history"));
                    long t5 = System.nanoTime();
                    ok(api.get("/api/sites/1/queue-status"));
                    long t6 = System.nanoTime();
                    ok(api.get("/api/sites/1/services"));
                    long t7 = System.nanoTime();
                    if (keep) {
                        long[] marks = {t0, t1, t2, t3, t4, t5, t6, t7};
                        for (int r = 0; r < REQUESTS.length; r++) {
                            samples.get(REQUESTS[r]).add(marks[r + 1] - marks[r]);
                        }
                    }
                }
            }
        }
        var sorted = new LinkedHashMap<String, long[]>();
        samples.forEach((k, v) -> {
            long[] a = v.stream().mapToLong(Long::longValue).toArray();
            Arrays.sort(a);
            sorted.put(k, a);
        });
        return sorted;
    }

    private static void ok(Api.Response answer) {
        if (answer.status() != 200) {
            throw new IllegalStateException(answer.status() + " " + answer.body());
        }
    }

    private static double pct(long[] sorted, double q) {
        return sorted[Math.min(sorted.length - 1, (int) Math.floor(q * sorted.length))] / 1e6;
    }

    /**
     * The schema by the server's migrations, 30 sites with 4 services each, then {@code days} days before
     * today of finished tickets with their history, in large transactions with the journal off.
     */
    private static long generate(Path file, int days) throws Exception {
        String url = "jdbc:sqlite:" + file.toAbsolutePath();
        Flyway.configure().dataSource(url, null, null).locations("classpath:db/migration", "classpath:db/common").load().migrate();
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        long midnight = today.atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
        long id = 0;
        try (var c = DriverManager.getConnection(url); var s = c.createStatement()) {
            s.execute("PRAGMA journal_mode=OFF");
            s.execute("PRAGMA synchronous=OFF");
            for (int site = 1; site <= SITES; site++) {
                s.execute("INSERT INTO sites(id, name, time_zone) VALUES (" + site + ", 'Site " + site + "', 'UTC')");
                for (int sv = 0; sv < SERVICES_PER_SITE; sv++) {
                    int service = (site - 1) * SERVICES_PER_SITE + sv + 1;
                    s.execute("INSERT INTO services(id, site_id, name, prefix) VALUES (" + service + ", " + site
                            + ", 'Service " + sv + "', '" + (char) ('A' + sv) + "')");
                }
            }
            c.setAutoCommit(false);
            try (var ticket = c.prepareStatement("INSERT INTO tickets(id, site_id, number_service_id, service_date, seq,"
                    + " number, service_id, state, priority_rank, source, patient_name, phone, issued_at, queued_at,"
                    + " called_at, finished_at) VALUES (?, ?, ?, ?, ?, ?, ?, 'done', 3, 'reception', ?, ?, ?, ?, ?, ?)");
                 var history = c.prepareStatement("INSERT INTO ticket_events(ticket_id, action, from_state, to_state,"
                         + " service_id, actor, at) VALUES (?, ?, ?, ?, ?, 'dr-bench', ?)");
                 var event = c.prepareStatement("INSERT INTO events(site_id, seq, type, at, payload) VALUES (?, ?, ?, ?, ?)")) {
                long[] eventSeq = new long[SITES + 1];
                for (int day = days; day >= 1; day--) {
                    LocalDate date = today.minusDays(day);
                    long dayStart = midnight - day * 86_400_000L + 8 * 3_600_000L;
                    for (int site = 1; site <= SITES; site++) {
                        for (int n = 0; n < TICKETS_PER_SITE_DAY; n++) {
                            id++;
                            int sv = n % SERVICES_PER_SITE;
                            int service = (site - 1) * SERVICES_PER_SITE + sv + 1;
                            int seq = n / SERVICES_PER_SITE + 1;
                            String number = (char) ('A' + sv) + "-%03d".formatted(seq);
                            long at = dayStart + n * 600_000L;
                            boolean personal = day <= KEPT_DAYS;
                            ticket.setLong(1, id);
                            ticket.setInt(2, site);
                            ticket.setInt(3, service);
                            ticket.setString(4, date.toString());
                            ticket.setInt(5, seq);
                            ticket.setString(6, number);
                            ticket.setInt(7, service);
                            ticket.setString(8, personal ? "Patient " + Long.toString(id * 7919, 36) : null);
                            ticket.setString(9, personal ? "+3460" + String.format("%07d", id % 10_000_000) : null);
                            ticket.setLong(10, at);
                            ticket.setLong(11, at);
                            ticket.setLong(12, at + 600_000);
                            ticket.setLong(13, at + 1_200_000);
                            ticket.addBatch();
                            String[][] moves = {{"issue", null, "waiting"}, {"call", "waiting", "called"},
                                {"done", "called", "done"}};
                            for (int m = 0; m < moves.length; m++) {
                                long when = at + m * 600_000L;
                                history.setLong(1, id);
                                history.setString(2, moves[m][0]);
                                history.setString(3, moves[m][1]);
                                history.setString(4, moves[m][2]);
                                history.setInt(5, service);
                                history.setLong(6, when);
                                history.addBatch();
                                if (day <= KEPT_DAYS) {
                                    long eventNo = ++eventSeq[site];
                                    String type = "ticket." + moves[m][2];
                                    event.setInt(1, site);
                                    event.setLong(2, eventNo);
                                    event.setString(3, type);
                                    event.setLong(4, when);
                                    event.setString(5, eventPayload(eventNo, site, type, when, id, service, date, seq,
                                            number, moves[m][2], at));
                                    event.addBatch();
                                }
                            }
                        }
                    }
                    if (day % 10 == 0 || day == 1) { // a few large transactions: generated in seconds, not minutes
                        ticket.executeBatch();
                        history.executeBatch();
                        event.executeBatch();
                        c.commit();
                    }
                }
                for (int site = 1; site <= SITES; site++) {
                    s.execute("UPDATE sites SET event_seq = " + eventSeq[site] + " WHERE id = " + site);
                }
            }
            s.execute("INSERT INTO ticket_counters(service_id, local_date, last_seq)"
                    + " SELECT number_service_id, service_date, max(seq) FROM tickets GROUP BY 1, 2");
            c.commit();
            c.setAutoCommit(true);
            s.execute("PRAGMA journal_mode=WAL");
        }
        return id;
    }

    /** A stored event as the log keeps it (about 580 bytes, as measured on a grown server). */
    private static String eventPayload(long seq, int site, String type, long at, long id, int service, LocalDate date,
                                       int number, String text, String state, long issued) {
        String iso = Instant.ofEpochMilli(at).toString();
        String issuedIso = Instant.ofEpochMilli(issued).toString();
        return "{\"seq\":" + seq + ",\"siteId\":" + site + ",\"type\":\"" + type + "\",\"at\":\"" + iso
                + "\",\"actor\":\"dr-bench\",\"ticket\":{\"id\":" + id + ",\"siteId\":" + site + ",\"serviceId\":" + service
                + ",\"number\":\"" + text + "\",\"serviceDate\":\"" + date + "\",\"state\":\"" + state
                + "\",\"priority\":\"normal\",\"source\":\"reception\",\"patientName\":null,\"phone\":null,"
                + "\"assignedDoctor\":null,\"roomId\":null,\"sessionId\":null,\"returnServiceId\":null,\"issuedAt\":\""
                + issuedIso + "\",\"queuedAt\":\"" + issuedIso + "\",\"calledAt\":null,\"finishedAt\":null,"
                + "\"recallCount\":" + (number % 1) + "}}";
    }
}
