package org.queuedesk.server.bench;

import ch.qos.logback.classic.Level;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.queuedesk.common.ticket.TicketDto;
import org.queuedesk.server.ground.SqliteSettings;
import org.queuedesk.server.testing.Api;
import org.queuedesk.server.testing.TestServer;
import org.slf4j.LoggerFactory;
import org.sqlite.SQLiteConfig;

/**
 * The mission's server targets, measured: issue-ticket and Next latency and throughput with 1, 50 and 200
 * closed-loop clients, the bare SQLite commit rate on the same folder as a reference, and how long a call
 * takes to reach 1,000 connected WebSocket clients. Everything runs in one JVM on loopback, so the client
 * side's own work on the same cores is part of every number.
 *
 * <p>Run with {@code mvn -B -q -pl queue-server -am -Pbench verify -DskipTests}.
 */
public final class QueueBenchmark {

    private static final int[] CLIENTS = {1, 50, 200};
    private static final Duration JIT_WARM_UP = Duration.ofSeconds(6);
    private static final Duration WARM_UP = Duration.ofSeconds(2);
    private static final Duration MEASURE = Duration.ofSeconds(6);
    private static final Duration BARE_COMMIT_TIME = Duration.ofSeconds(5);
    private static final int WS_CLIENTS = 1_000;
    private static final int WS_CALLS = 50;
    private static final int WS_WARM_UP_CALLS = 5;
    private static final int WS_HTTP_CLIENTS = 4;
    private static final Duration WS_CALL_DEADLINE = Duration.ofSeconds(10);

    private QueueBenchmark() {
    }

    public static void main(String[] args) {
        int status = 0;
        try {
            run();
        } catch (Throwable e) {
            e.printStackTrace();
            status = 1;
        }
        System.out.flush();
        // the WebSocket and HTTP clients keep non-daemon threads; end the JVM either way
        System.exit(status);
    }

    private static void run() throws Exception {
        ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).setLevel(Level.ERROR);
        var out = new StringBuilder();
        line(out, "QueueDesk server benchmark, %s", Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
        line(out, "machine: %d cores (%s), %s %s, Java %s (%s), max heap %d MB; load average %.2f at start",
                Runtime.getRuntime().availableProcessors(), cpuModel(), System.getProperty("os.name"),
                System.getProperty("os.arch"), System.getProperty("java.version"), System.getProperty("java.vm.name"),
                Runtime.getRuntime().maxMemory() / (1024 * 1024), loadAverage());
        System.out.print(out);
        out.setLength(0);

        // the demo variant: its first users are created quietly (a plain start prints an admin password)
        try (var server = TestServer.startDemo(Clock.systemUTC())) {
            var settings = SqliteSettings.defaults();
            line(out, "server: in-process on %s, SQLite WAL synchronous=%s, data in %s", server.baseUrl(),
                    settings.synchronous(), server.dataDir().toAbsolutePath());
            line(out, "");

            if (Boolean.getBoolean("bench.fanOutOnly")) { // -Dbench.fanOutOnly=true: quicker runs while profiling
                fanOutReport(out, fanOut(server.api(), server.baseUrl()));
                System.out.print(out);
                return;
            }
            var desks = setUpDesks(server.api(), CLIENTS[CLIENTS.length - 1]);
            if (Boolean.getBoolean("bench.appointmentsOnly")) { // -Dbench.appointmentsOnly=true: that section alone
                closedLoop(server.api(), desks.subList(0, 50), JIT_WARM_UP);
                AppointmentBenchmark.run(server.api(), desks.subList(0, Math.min(desks.size(), AppointmentBenchmark.DESKS)), out);
                System.out.print(out);
                return;
            }
            if (Boolean.getBoolean("bench.writerOnly")) { // -Dbench.writerOnly=true: the writer's CPU per issue / Next, saturation
                closedLoop(server.api(), desks.subList(0, 50), JIT_WARM_UP);
                var split = writerSplit(server.api(), desks.subList(0, 50));
                var full = closedLoop(server.api(), desks, WARM_UP);
                double bare = bareCommitRate(server.dataDir().resolve("bare-commits.db"), settings);
                line(out, "writer allocated KB/req: issue %.1f, Next %.1f", split[4], split[5]);
                line(out, "writer us/req: issue %.0f (%d), Next %.0f (%d); closed loop %d clients: %.0f req/s, writer %.0f us/req,"
                                + " errors %d; bare %.0f commits/s (%s) -> %.2f x; load average %.2f",
                        split[0], (long) split[1], split[2], (long) split[3], full.clients, full.totalRate(),
                        full.writerMicrosPerRequest(), full.errors, bare, bareCommitLatency, full.totalRate() / bare,
                        loadAverage());
                System.out.print(out);
                return;
            }
            if (Boolean.getBoolean("bench.openLoopOnly")) { // -Dbench.openLoopOnly=true: the 200-desk case alone
                closedLoop(server.api(), desks.subList(0, 50), JIT_WARM_UP);
                var commitsBefore = serverHistogram(server.api(), WRITER_COMMITS, "");
                var paced = openLoop(server.api(), desks.subList(0, OPEN_LOOP_DESKS), OPEN_LOOP_TIME);
                line(out, "open loop: issue p50 %.2f / p99 %.2f ms (server <=%.2f), Next p50 %.2f / p99 %.2f ms (server <=%.2f),"
                                + " writer %.0f us/req, errors %d", ms(pct(paced.issue, 0.50)), ms(pct(paced.issue, 0.99)),
                        paced.serverIssueP99Ms, ms(pct(paced.next, 0.50)), ms(pct(paced.next, 0.99)), paced.serverNextP99Ms,
                        paced.writerMicrosPerRequest(), paced.errors);
                openLoopFloors(out, server, settings, desks.subList(0, OPEN_LOOP_DESKS), paced, commitsBefore);
                System.out.print(out);
                return;
            }
            // one unreported round first, so the JIT has compiled the request path before anything is measured
            closedLoop(server.api(), desks.subList(0, 50), JIT_WARM_UP);
            List<LoadResult> load = new ArrayList<>();
            for (int clients : CLIENTS) {
                load.add(closedLoop(server.api(), desks.subList(0, clients), WARM_UP));
            }
            line(out, "Closed loop: each client issues a ticket (POST /api/tickets), then its own desk presses Next;");
            line(out, "latency at the client in ms; after a %d s JIT warm-up, %d s warm-up and %d s measured per row;",
                    JIT_WARM_UP.plus(MEASURE).toSeconds(), WARM_UP.toSeconds(), MEASURE.toSeconds());
            line(out, "each request is one write transaction (one durable commit). 'server p99' is the same request timed");
            line(out, "inside the server (http_server_requests histogram of /metrics over the measured window, bucket bound).");
            line(out, "Clients speak plain keep-alive HTTP/1.1 on raw sockets (RawHttpConnection), so the load costs the shared");
            line(out, "cores little. 'writer us/req': CPU time of the single writer thread per request, the server's bottleneck");
            line(out, "and a figure other load on the machine disturbs far less than the rates.");
            line(out, "%-8s| %-27s| %-10s| %-27s| %-10s| %-28s| %-11s| %s", "clients", "issue p50 / p99 / max", "server p99",
                    "next p50 / p99 / max", "server p99", "issue/s  next/s  total req/s", "writer us/req", "errors");
            for (var r : load) {
                line(out, "%7d | %7.2f %7.2f %9.2f  | <=%7.2f | %7.2f %7.2f %9.2f  | <=%7.2f | %7.0f %7.0f %12.0f  | %11.0f  | %d",
                        r.clients, ms(pct(r.issue, 0.50)), ms(pct(r.issue, 0.99)), ms(max(r.issue)), r.serverIssueP99Ms,
                        ms(pct(r.next, 0.50)), ms(pct(r.next, 0.99)), ms(max(r.next)), r.serverNextP99Ms,
                        r.issueRate(), r.nextRate(), r.totalRate(), r.writerMicrosPerRequest(), r.errors);
            }
            line(out, "");
            System.out.print(out);
            out.setLength(0);

            // the mission's case: 200 desks each acting once a second (far above a hospital's peak), open loop
            var commitsBefore = serverHistogram(server.api(), WRITER_COMMITS, "");
            var paced = openLoop(server.api(), desks.subList(0, OPEN_LOOP_DESKS), OPEN_LOOP_TIME);
            line(out, "Open loop: %d desks, each acting once a second (issue, then Next a second later, and so on), %d s;",
                    OPEN_LOOP_DESKS, OPEN_LOOP_TIME.toSeconds());
            line(out, "latency from each request's scheduled start, so a stall also counts against the requests that waited behind it.");
            line(out, "  issue p50 %.2f / p99 %.2f ms (server p99 <=%.2f)   Next p50 %.2f / p99 %.2f ms (server p99 <=%.2f)   (target p99 < 5 ms)",
                    ms(pct(paced.issue, 0.50)), ms(pct(paced.issue, 0.99)), paced.serverIssueP99Ms,
                    ms(pct(paced.next, 0.50)), ms(pct(paced.next, 0.99)), paced.serverNextP99Ms);
            line(out, "  %.0f req/s, writer %.0f us/req, errors %d", paced.totalRate(), paced.writerMicrosPerRequest(), paced.errors);
            openLoopFloors(out, server, settings, desks.subList(0, OPEN_LOOP_DESKS), paced, commitsBefore);
            line(out, "");
            System.out.print(out);
            out.setLength(0);

            double bare = bareCommitRate(server.dataDir().resolve("bare-commits.db"), settings);
            var best = load.stream().max(java.util.Comparator.comparingDouble(LoadResult::totalRate)).orElseThrow();
            double ratio = best.totalRate() / bare;
            line(out, "Reference: bare SQLite, one thread, INSERT + COMMIT per row, same folder and pragmas");
            line(out, "  (WAL, synchronous=%s, foreign_keys=ON, busy_timeout=%d ms, BEGIN IMMEDIATE): %.0f commits/s (%.2f ms each)",
                    settings.synchronous(), settings.busyTimeoutMillis(), bare, 1000.0 / bare);
            line(out, "  each bare commit: %s", bareCommitLatency);
            line(out, "  server at saturation (%d clients): %.0f req/s = %.2f x the bare commit rate (target >= 0.5)",
                    best.clients, best.totalRate(), ratio);
            line(out, "");
            System.out.print(out);
            out.setLength(0);

            var fanOut = fanOut(server.api(), server.baseUrl());
            fanOutReport(out, fanOut);
            line(out, "");
            System.out.print(out);
            out.setLength(0);

            AppointmentBenchmark.run(server.api(), desks.subList(0, Math.min(desks.size(), AppointmentBenchmark.DESKS)), out);
            line(out, "");
            System.out.print(out);
            out.setLength(0);

            var sms = SmsLatency.measure(Duration.ZERO);
            var smsSlow = SmsLatency.measure(SNS_LATENCY);
            line(out, "SMS: %d tickets with a new phone number each, %d a second; request sent -> the confirmation's Publish",
                    SmsLatency.MESSAGES, SmsLatency.PER_SECOND);
            line(out, "  arrives at the SNS test server (real SnsClient, opt-out check first; an upper bound of commit -> send):");
            for (var run : List.of(sms, smsSlow)) {
                line(out, "  SNS answering in %3d ms: p50 %.2f ms, p99 %.2f ms, max %.2f ms   (target p99 < 100 ms); %d published,"
                                + " %d duplicates", run == sms ? 0 : SNS_LATENCY.toMillis(), ms(pct(run.sortedNanos(), 0.50)),
                        ms(pct(run.sortedNanos(), 0.99)), ms(max(run.sortedNanos())), run.sent(), run.duplicates());
            }
            var joins = OnlineJoinLatency.measure(200);
            line(out, "%s", OnlineJoinLatency.report(joins));
            line(out, "");
            line(out, "Summary: %d desks once a second: issue p99 %.1f ms, Next p99 %.1f ms (server <=%.1f / <=%.1f); saturation"
                            + " %.0f req/s = %.2f x bare SQLite (%.0f commits/s); fan-out to %,d WebSockets p99 %.1f ms;"
                            + " SMS sent p99 %.1f ms after its request (%.1f ms with SNS answering in %d ms).",
                    paced.clients, ms(pct(paced.issue, 0.99)), ms(pct(paced.next, 0.99)), paced.serverIssueP99Ms,
                    paced.serverNextP99Ms, best.totalRate(), ratio, bare, WS_CLIENTS, ms(pct(fanOut.arrivals, 0.99)),
                    ms(pct(sms.sortedNanos(), 0.99)), ms(pct(smsSlow.sortedNanos(), 0.99)), SNS_LATENCY.toMillis());
            line(out, "(load average %.2f at the end: other work on this machine competes for the same cores)", loadAverage());
            System.out.print(out);
        }
    }

    private static void fanOutReport(StringBuilder out, FanOut fanOut) {
        line(out, "Call fan-out: Next sent -> the last of %,d WebSocket clients has the ticket.called event (%d calls, %d warm-up)",
                WS_CLIENTS, fanOut.arrivals.length, WS_WARM_UP_CALLS);
        line(out, "  fan-out  p50 %.2f ms, p99 %.2f ms, max %.2f ms   (target p99 < 50 ms)", ms(pct(fanOut.arrivals, 0.50)),
                ms(pct(fanOut.arrivals, 0.99)), ms(max(fanOut.arrivals)));
        line(out, "  Next answered p50 %.2f ms, p99 %.2f ms; calls that missed a client within %d s: %d;"
                        + " sockets closed by the server: %d",
                ms(pct(fanOut.nextAnswered, 0.50)), ms(pct(fanOut.nextAnswered, 0.99)), WS_CALL_DEADLINE.toSeconds(),
                fanOut.incomplete, fanOut.socketsClosed);
        var empty = new java.util.TreeMap<Double, Double>();
        line(out, "  inside the server (bucket bounds): publish after commit -> all %,d outboxes p50 <=%.2f p99 <=%.2f ms;"
                        + " -> last frame written p50 <=%.2f p99 <=%.2f ms", WS_CLIENTS,
                serverPercentileMs(empty, fanOut.server.handed(), 0.50), serverPercentileMs(empty, fanOut.server.handed(), 0.99),
                serverPercentileMs(empty, fanOut.server.written(), 0.50), serverPercentileMs(empty, fanOut.server.written(), 0.99));
        var perCall = new StringBuilder();
        int calls = Math.max(1, fanOut.arrivals.length + fanOut.incomplete);
        fanOut.threadCost.forEach((group, cost) -> perCall.append(String.format(Locale.ROOT, "%s %.2f (user %.2f, %.0f KB); ",
                group, ms((double) cost.cpuNanos() / calls), ms((double) cost.userNanos() / calls),
                cost.allocatedBytes() / 1024.0 / calls)));
        line(out, "  CPU per call in ms (and heap allocated), by thread: %s", perCall);
        line(out, "  (receivers: %,d raw sockets on one NIO selector thread in this JVM, sharing the server's cores)", WS_CLIENTS);
        line(out, "(load average %.2f now)", loadAverage());
    }

    // ---- closed loop --------------------------------------------------------------------------------------

    record Desk(long serviceId, long sessionId) {
    }

    /** One service, one room and one open session per client, so each client's Next calls its own ticket. */
    static List<Desk> setUpDesks(Api api, int count) {
        return setUpDesks(api, count, 1);
    }

    /** As above, desk {@code i} at site {@code i % sites}: any first n desks spread evenly over the sites. */
    static List<Desk> setUpDesks(Api api, int count, int sites) {
        List<Long> siteIds = new ArrayList<>();
        for (int s = 0; s < Math.max(1, sites); s++) {
            siteIds.add(api.createSite(s == 0 ? "Benchmark Clinic" : "Benchmark Clinic " + (s + 1), "UTC").id());
        }
        List<Desk> desks = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            long site = siteIds.get(i % siteIds.size());
            String prefix = "" + (char) ('A' + i / 26) + (char) ('A' + i % 26);
            long service = api.createService(site, "Service " + prefix, prefix).id();
            long room = api.createRoom(site, "Room " + (i + 1)).id();
            long session = api.openSession(room, List.of(service), "dr-" + (i + 1)).id();
            desks.add(new Desk(service, session));
        }
        return desks;
    }

    /**
     * @param writerCpuNanos the CPU time {@link Instances#serverCpu} counted over the window: the single writer
     *                       thread of an in-process server, or the instances' processes
     * @param databaseCpuNanos the database server's CPU time over the window (0 for SQLite, inside the server)
     */
    record LoadResult(int clients, long[] issue, long[] next, int errors, double seconds, double serverIssueP99Ms,
                      double serverNextP99Ms, long writerCpuNanos, long databaseCpuNanos, long jitCpuNanos) {

        /** Of {@link #writerMicrosPerRequest}: the instances' JIT compiler threads (0 where not measured). */
        double jitMicrosPerRequest() {
            return jitCpuNanos / 1e3 / Math.max(1, issue.length + next.length);
        }

        double writerMicrosPerRequest() {
            return writerCpuNanos / 1e3 / Math.max(1, issue.length + next.length);
        }

        double databaseMicrosPerRequest() {
            return databaseCpuNanos / 1e3 / Math.max(1, issue.length + next.length);
        }

        double issueRate() {
            return issue.length / seconds;
        }

        double nextRate() {
            return next.length / seconds;
        }

        double totalRate() {
            return (issue.length + next.length) / seconds;
        }
    }

    private static LoadResult closedLoop(Api api, List<Desk> desks, Duration warmUp) throws InterruptedException {
        return closedLoop(Instances.inProcess(api), desks, warmUp, MEASURE);
    }

    /**
     * The servers a load talks to: desk {@code i} to instance {@code i % n} (round-robin); a snapshot sums their
     * request timers and reads the CPU figures.
     */
    record Instances(List<Api> apis, java.util.function.LongSupplier serverCpu, java.util.function.LongSupplier databaseCpu,
                     java.util.function.LongSupplier jitCpu) {

        /** Without a separate count of the JIT compiler's share of {@code serverCpu}. */
        Instances(List<Api> apis, java.util.function.LongSupplier serverCpu, java.util.function.LongSupplier databaseCpu) {
            this(apis, serverCpu, databaseCpu, () -> 0);
        }

        /** One server in this JVM: its single writer thread's CPU; the database (SQLite) is inside it. */
        static Instances inProcess(Api api) {
            return new Instances(List.of(api), QueueBenchmark::writerCpuNanos, () -> 0);
        }

        URI base(int desk) {
            return URI.create(apis.get(desk % apis.size()).baseUrl());
        }
    }

    /** Each client issues, then presses Next at its own desk, for {@code warmUp} then the measured window. */
    static LoadResult closedLoop(Instances instances, List<Desk> desks, Duration warmUp, Duration measure)
            throws InterruptedException {
        int n = desks.size();
        var start = new CountDownLatch(1);
        long[] measureFrom = new long[1];
        long[] measureTo = new long[1];
        var issueSamples = new LongList[n];
        var nextSamples = new LongList[n];
        var errors = new AtomicInteger();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            var desk = desks.get(i);
            URI base = instances.base(i);
            var issued = issueSamples[i] = new LongList();
            var nexts = nextSamples[i] = new LongList();
            var t = new Thread(() -> {
                try {
                    start.await();
                } catch (InterruptedException e) {
                    return;
                }
                String issueBody = "{\"serviceId\":" + desk.serviceId() + "}";
                String nextPath = "/api/sessions/" + desk.sessionId() + "/next";
                var http = new RawHttpConnection(base.getHost(), base.getPort());
                while (true) {
                    long t0 = System.nanoTime();
                    if (t0 >= measureTo[0]) {
                        http.close();
                        return;
                    }
                    int a = http.post("/api/tickets", issueBody, UUID.randomUUID().toString());
                    long t1 = System.nanoTime();
                    int b = http.post(nextPath, "", UUID.randomUUID().toString());
                    long t2 = System.nanoTime();
                    if (a != 201 || b != 200) {
                        errors.incrementAndGet();
                    }
                    if (t0 >= measureFrom[0]) {
                        issued.add(t1 - t0);
                    }
                    if (t1 >= measureFrom[0] && t1 < measureTo[0]) {
                        nexts.add(t2 - t1);
                    }
                }
            }, "bench-client-" + i);
            t.setDaemon(true);
            threads.add(t);
            t.start();
        }
        long now = System.nanoTime();
        measureFrom[0] = now + warmUp.toNanos();
        measureTo[0] = measureFrom[0] + measure.toNanos();
        start.countDown(); // publishes the window to the clients
        parkUntil(measureFrom[0]);
        var before = ServerSnapshot.take(instances);
        parkUntil(measureTo[0]);
        var after = ServerSnapshot.take(instances);
        for (var t : threads) {
            t.join(measure.plus(warmUp).plusSeconds(60).toMillis());
        }
        return ServerSnapshot.result(n, issueSamples, nextSamples, errors.get(), measure, before, after);
    }

    /**
     * The writer's CPU per issue and per Next apart: every client issues for a few seconds, then presses Next
     * (each Next then finishes one ticket and calls the next); returns {issue us, issues, Next us, Nexts}.
     */
    private static double[] writerSplit(Api api, List<Desk> desks) throws InterruptedException {
        URI base = URI.create(api.baseUrl());
        double[] result = new double[6];
        for (int phase = 0; phase < 2; phase++) {
            boolean issue = phase == 0;
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(3);
            var count = new java.util.concurrent.atomic.AtomicLong();
            List<Thread> threads = new ArrayList<>();
            long cpuBefore = writerCpuNanos();
            long bytesBefore = writerAllocatedBytes();
            for (var desk : desks) {
                var t = new Thread(() -> {
                    try (var http = new RawHttpConnection(base.getHost(), base.getPort())) {
                        while (System.nanoTime() < end) {
                            int status = issue ? http.post("/api/tickets", "{\"serviceId\":" + desk.serviceId() + "}",
                                    UUID.randomUUID().toString())
                                    : http.post("/api/sessions/" + desk.sessionId() + "/next", "", UUID.randomUUID().toString());
                            if (status == (issue ? 201 : 200)) {
                                count.incrementAndGet();
                            }
                        }
                    }
                });
                t.setDaemon(true);
                threads.add(t);
                t.start();
            }
            for (var t : threads) {
                t.join();
            }
            result[phase * 2] = (writerCpuNanos() - cpuBefore) / 1e3 / Math.max(1, count.get());
            result[phase * 2 + 1] = count.get();
            result[4 + phase] = (writerAllocatedBytes() - bytesBefore) / 1024.0 / Math.max(1, count.get());
        }
        return result;
    }

    /** The servers' side of a measured window: their request timers (summed) and the CPU figures. */
    private record ServerSnapshot(java.util.TreeMap<Double, Double> issue, java.util.TreeMap<Double, Double> next,
                                  long writerCpuNanos, long databaseCpuNanos, long jitCpuNanos) {

        static ServerSnapshot take(Instances instances) {
            var issue = new java.util.TreeMap<Double, Double>();
            var next = new java.util.TreeMap<Double, Double>();
            for (Api api : instances.apis()) {
                serverHistogram(api, HTTP_REQUESTS, ISSUE_ROUTE).forEach((bound, count) -> issue.merge(bound, count, Double::sum));
                serverHistogram(api, HTTP_REQUESTS, NEXT_ROUTE).forEach((bound, count) -> next.merge(bound, count, Double::sum));
            }
            return new ServerSnapshot(issue, next, instances.serverCpu().getAsLong(), instances.databaseCpu().getAsLong(),
                    instances.jitCpu().getAsLong());
        }

        static LoadResult result(int clients, LongList[] issueSamples, LongList[] nextSamples, int errors, Duration window,
                                 ServerSnapshot before, ServerSnapshot after) {
            return new LoadResult(clients, LongList.concat(issueSamples), LongList.concat(nextSamples), errors,
                    window.toNanos() / 1e9, serverPercentileMs(before.issue, after.issue, 0.99),
                    serverPercentileMs(before.next, after.next, 0.99), after.writerCpuNanos - before.writerCpuNanos,
                    after.databaseCpuNanos - before.databaseCpuNanos, after.jitCpuNanos - before.jitCpuNanos);
        }
    }

    /** Heap the server's single writer thread allocated so far: its Java work, far less disturbed by load than CPU time. */
    private static long writerAllocatedBytes() {
        var writer = Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().equals("queuedesk-writer")).findFirst().orElseThrow();
        return ((com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean())
                .getThreadAllocatedBytes(writer.getId());
    }

    /** CPU time so far of the server's single writer thread (it runs in this JVM). */
    private static long writerCpuNanos() {
        var writer = Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().equals("queuedesk-writer")).findFirst().orElseThrow();
        return java.lang.management.ManagementFactory.getThreadMXBean().getThreadCpuTime(writer.getId());
    }

    private static final int OPEN_LOOP_DESKS = 200;
    /** Roughly what an SNS call takes from a clinic's network to its AWS region. */
    private static final Duration SNS_LATENCY = Duration.ofMillis(40);
    private static final Duration OPEN_LOOP_TIME = Duration.ofSeconds(10);

    /**
     * Each desk acts once a second, the desks spread evenly over the second; latency counts from the time a
     * request was due, not from when it could be sent, so waiting behind a slow one is not hidden.
     */
    static LoadResult openLoop(Api api, List<Desk> desks, Duration time) throws InterruptedException {
        return openLoop(Instances.inProcess(api), desks, time);
    }

    /** As {@link #openLoop(Api, List, Duration)}, desk {@code i} on instance {@code i % n}. */
    static LoadResult openLoop(Instances instances, List<Desk> desks, Duration time) throws InterruptedException {
        return openLoop(instances, desks, time, false);
    }

    /**
     * The machine's floor for the open loop: the same clients at the same times, each request a GET /health (one
     * read of SELECT 1, no write, no commit) instead of its issue or Next. What any request can reach here.
     */
    static LoadResult openLoopFloor(Api api, List<Desk> desks, Duration time) throws InterruptedException {
        return openLoop(Instances.inProcess(api), desks, time, true);
    }

    private static LoadResult openLoop(Instances instances, List<Desk> desks, Duration time, boolean floor)
            throws InterruptedException {
        int n = desks.size();
        long period = TimeUnit.SECONDS.toNanos(1);
        long begin = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(200);
        long end = begin + time.toNanos();
        var issueSamples = new LongList[n];
        var nextSamples = new LongList[n];
        var errors = new AtomicInteger();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            var desk = desks.get(i);
            URI base = instances.base(i);
            var issued = issueSamples[i] = new LongList();
            var nexts = nextSamples[i] = new LongList();
            long offset = period * i / n;
            var t = new Thread(() -> {
                String issueBody = "{\"serviceId\":" + desk.serviceId() + "}";
                String nextPath = "/api/sessions/" + desk.sessionId() + "/next";
                try (var http = new RawHttpConnection(base.getHost(), base.getPort())) {
                    for (long k = 0, due = begin + offset; due < end; k++, due += period) {
                        parkUntil(due);
                        boolean issue = k % 2 == 0;
                        int status = floor ? http.get("/health")
                                : issue ? http.post("/api/tickets", issueBody, UUID.randomUUID().toString())
                                : http.post(nextPath, "", UUID.randomUUID().toString());
                        long took = System.nanoTime() - due;
                        if (status != (issue && !floor ? 201 : 200)) {
                            errors.incrementAndGet();
                        }
                        (issue ? issued : nexts).add(took);
                    }
                }
            }, "bench-desk-" + i);
            t.setDaemon(true);
            threads.add(t);
            t.start();
        }
        parkUntil(begin);
        var before = ServerSnapshot.take(instances);
        for (var t : threads) {
            t.join(time.plusSeconds(60).toMillis());
        }
        return ServerSnapshot.result(n, issueSamples, nextSamples, errors.get(), time, before, ServerSnapshot.take(instances));
    }

    /**
     * What the open loop's p99 cannot go under on this machine: the same clients with a request that does nothing
     * (GET /health), and the disk's durable commit paced at the loop's request rate (one per request, as if no two
     * were grouped), each alone right after the loop.
     */
    private static void openLoopFloors(StringBuilder out, TestServer server, SqliteSettings settings, List<Desk> desks,
                                       LoadResult paced, java.util.TreeMap<Double, Double> commitsBefore)
            throws InterruptedException, SQLException, IOException {
        var commitsAfter = serverHistogram(server.api(), WRITER_COMMITS, "");
        line(out, "  inside the server meanwhile: the writer's COMMIT p50 <=%.2f / p99 <=%.2f / max <=%.2f ms (bucket bounds)",
                serverPercentileMs(commitsBefore, commitsAfter, 0.50), serverPercentileMs(commitsBefore, commitsAfter, 0.99),
                serverPercentileMs(commitsBefore, commitsAfter, 1.0));
        var floor = openLoopFloor(server.api(), desks, OPEN_LOOP_TIME);
        var all = java.util.stream.LongStream.concat(java.util.Arrays.stream(floor.issue), java.util.Arrays.stream(floor.next))
                .sorted().toArray();
        line(out, "  the machine's floor, the same %d clients at the same times with GET /health (SELECT 1, no write):"
                + " p50 %.2f / p99 %.2f / max %.2f ms, errors %d", paced.clients, ms(pct(all, 0.50)), ms(pct(all, 0.99)),
                ms(max(all)), floor.errors);
        line(out, "  the disk's floor, alone: bare durable commits paced at %.0f/s, %s", paced.totalRate(),
                pacedBareCommits(server.dataDir().resolve("floor-commits.db"), settings, paced.totalRate(), OPEN_LOOP_TIME, 4));
    }

    static void parkUntil(long nanoTime) {
        for (long left = nanoTime - System.nanoTime(); left > 0; left = nanoTime - System.nanoTime()) {
            LockSupport.parkNanos(left);
        }
    }

    /** The single writer's COMMIT timer (SQLite). */
    static final String WRITER_COMMITS = "queuedesk_writer_commit_seconds";
    private static final String ISSUE_ROUTE = "route=\"/api/tickets\",status=\"201\"";
    private static final String NEXT_ROUTE = "route=\"/api/sessions/{sessionId}/next\",status=\"200\"";
    private static final String HTTP_REQUESTS = "http_server_requests_seconds";
    static final String FAN_OUT_WRITTEN = "queuedesk_events_fanout_seconds";
    static final String FAN_OUT_HANDED = "queuedesk_events_fanout_handed_seconds";

    /** Cumulative counts per bucket bound (seconds) of one of the server's timers, for the series with these labels. */
    static java.util.TreeMap<Double, Double> serverHistogram(Api api, String metric, String labels) {
        var bucket = Pattern.compile("^" + metric + "_bucket\\{(.*?),?le=\"([^\"]+)\"} (\\S+)$", Pattern.MULTILINE);
        var buckets = new java.util.TreeMap<Double, Double>();
        Matcher m = bucket.matcher(api.get("/metrics").body());
        while (m.find()) {
            if (m.group(1).contains(labels)) {
                double bound = "+Inf".equals(m.group(2)) ? Double.POSITIVE_INFINITY : Double.parseDouble(m.group(2));
                buckets.put(bound, Double.parseDouble(m.group(3)));
            }
        }
        return buckets;
    }

    /** The bucket bound (ms) under which fraction q of the requests between two snapshots finished; NaN if none. */
    static double serverPercentileMs(java.util.TreeMap<Double, Double> before, java.util.TreeMap<Double, Double> after,
                                             double q) {
        double total = after.lastEntry() == null ? 0
                : after.lastEntry().getValue() - before.getOrDefault(after.lastKey(), 0.0);
        if (total <= 0) {
            return Double.NaN;
        }
        for (var bucket : after.entrySet()) {
            double count = bucket.getValue() - before.getOrDefault(bucket.getKey(), 0.0);
            if (count >= q * total) {
                return bucket.getKey() * 1000;
            }
        }
        return Double.POSITIVE_INFINITY;
    }

    private static int post(HttpClient http, URI uri, String body) {
        return post(http, uri, body, UUID.randomUUID().toString());
    }

    static int post(HttpClient http, URI uri, String body, String idempotencyKey) {
        var request = HttpRequest.newBuilder(uri)
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", idempotencyKey)
                .timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        try {
            return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    // ---- reference: bare commits ---------------------------------------------------------------------------

    /** Same pragmas as {@code Database.sqliteConfig}: WAL, the configured synchronous mode, foreign keys, busy timeout. */
    static double bareCommitRate(Path file, SqliteSettings settings) throws SQLException, IOException {
        return bareCommitRate(file, settings, BARE_COMMIT_TIME);
    }

    static double bareCommitRate(Path file, SqliteSettings settings, Duration time) throws SQLException, IOException {
        Files.deleteIfExists(file);
        var config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.setSynchronous(settings.synchronous());
        config.enforceForeignKeys(true);
        config.setBusyTimeout(settings.busyTimeoutMillis());
        config.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
        try (Connection db = config.createConnection("jdbc:sqlite:" + file.toAbsolutePath())) {
            try (Statement ddl = db.createStatement()) {
                ddl.execute("CREATE TABLE rows (id INTEGER PRIMARY KEY, payload TEXT NOT NULL, at INTEGER NOT NULL)");
            }
            db.setAutoCommit(false);
            try (PreparedStatement insert = db.prepareStatement("INSERT INTO rows(payload, at) VALUES (?, ?)")) {
                long warmUpEnd = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(500);
                while (System.nanoTime() < warmUpEnd) {
                    insertAndCommit(db, insert);
                }
                long cpuBefore = java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
                long begin = System.nanoTime();
                long end = begin + time.toNanos();
                long commits = 0;
                long now = begin;
                var each = new LongList();
                do {
                    long before = now;
                    insertAndCommit(db, insert);
                    commits++;
                    now = System.nanoTime();
                    each.add(now - before);
                } while (now < end);
                long[] sorted = LongList.concat(new LongList[] {each});
                long cpu = java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() - cpuBefore;
                bareCommitLatency = String.format(Locale.ROOT, "p50 %.2f ms, p99 %.2f ms, max %.2f ms; CPU %.0f us per commit",
                        ms(pct(sorted, 0.50)), ms(pct(sorted, 0.99)), ms(max(sorted)), cpu / 1e3 / commits);
                return commits / ((now - begin) / 1e9);
            }
        }
    }

    /**
     * The disk's floor under a durable write's latency at a given commit rate: bare SQLite commits of {@code rows}
     * rows each (the server's pragmas: WAL, {@code synchronous} as the server's, a PASSIVE checkpoint at most every
     * 100 ms on a connection of its own, as the server's checkpointer), paced at {@code perSecond}, each timed
     * from its scheduled start, so one slow fsync also delays those due behind it, as it does in the server.
     */
    static String pacedBareCommits(Path file, SqliteSettings settings, double perSecond, Duration time, int rows)
            throws SQLException, IOException, InterruptedException {
        for (String suffix : List.of("", "-wal", "-shm")) {
            Files.deleteIfExists(Path.of(file + suffix));
        }
        var config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.setSynchronous(settings.synchronous());
        config.setBusyTimeout(settings.busyTimeoutMillis());
        config.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
        String url = "jdbc:sqlite:" + file.toAbsolutePath();
        try (Connection db = config.createConnection(url); Connection checkpoints = config.createConnection(url)) {
            try (Statement ddl = db.createStatement()) {
                ddl.execute("CREATE TABLE rows (id INTEGER PRIMARY KEY, payload TEXT NOT NULL, at INTEGER NOT NULL)");
                ddl.execute("CREATE INDEX rows_at ON rows(at)");
            }
            db.setAutoCommit(false);
            var running = new java.util.concurrent.atomic.AtomicBoolean(true);
            var checkpointer = new Thread(() -> {
                try (Statement s = checkpoints.createStatement()) {
                    while (running.get()) {
                        s.execute("PRAGMA wal_checkpoint(PASSIVE)");
                        Thread.sleep(100); // the pacing of the server's checkpointer, not a wait for a condition
                    }
                } catch (SQLException | InterruptedException e) {
                    throw new IllegalStateException(e);
                }
            }, "bench-floor-checkpoints");
            checkpointer.start();
            try (PreparedStatement insert = db.prepareStatement("INSERT INTO rows(payload, at) VALUES (?, ?)")) {
                long period = (long) (1e9 / perSecond);
                int count = (int) Math.max(1, time.toNanos() / period);
                long[] took = new long[count];
                long begin = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(100);
                for (int i = 0; i < count; i++) {
                    long due = begin + period * i;
                    parkUntil(due);
                    for (int r = 0; r < rows; r++) {
                        insert.setString(1, "appointment booked for Bench Patient at 09:40 with dr-07");
                        insert.setLong(2, System.currentTimeMillis());
                        insert.executeUpdate();
                    }
                    db.commit();
                    took[i] = System.nanoTime() - due;
                }
                Arrays.sort(took);
                return String.format(Locale.ROOT, "%d commits of %d rows at %.0f/s: p50 %.2f / p99 %.2f / p99.9 %.2f / max %.2f ms",
                        count, rows, perSecond, ms(pct(took, 0.50)), ms(pct(took, 0.99)), ms(pct(took, 0.999)),
                        ms(took[count - 1]));
            } finally {
                running.set(false);
                checkpointer.join();
            }
        }
    }

    /** Each bare commit's own latency: the floor under any durable request's tail on this file system. */
    static String bareCommitLatency = "";

    private static void insertAndCommit(Connection db, PreparedStatement insert) throws SQLException {
        insert.setString(1, "ticket A-042 issued at reception");
        insert.setLong(2, System.currentTimeMillis());
        insert.executeUpdate();
        db.commit();
    }

    // ---- fan-out to WebSocket clients ----------------------------------------------------------------------

    record FanOut(long[] arrivals, long[] nextAnswered, int incomplete, int socketsClosed, ServerFanOut server,
                  java.util.Map<String, ThreadCost> threadCost) {
    }

    /**
     * The server's own fan-out timers: from the after-commit publish to the last socket's frame written
     * ({@code written}) and to the event handed to every socket's outbox ({@code handed}).
     */
    record ServerFanOut(java.util.TreeMap<Double, Double> written, java.util.TreeMap<Double, Double> handed) {
        ServerFanOut since(ServerFanOut after) {
            return new ServerFanOut(delta(written, after.written), delta(handed, after.handed));
        }

        private static java.util.TreeMap<Double, Double> delta(java.util.TreeMap<Double, Double> before,
                                                               java.util.TreeMap<Double, Double> after) {
            var d = new java.util.TreeMap<Double, Double>();
            after.forEach((bound, count) -> d.put(bound, count - before.getOrDefault(bound, 0.0)));
            return d;
        }
    }

    /** What a group of threads has used so far. */
    record ThreadCost(long cpuNanos, long userNanos, long allocatedBytes) {
        ThreadCost plus(ThreadCost other) {
            return new ThreadCost(cpuNanos + other.cpuNanos, userNanos + other.userNanos, allocatedBytes + other.allocatedBytes);
        }

        ThreadCost minus(ThreadCost other) {
            return new ThreadCost(cpuNanos - other.cpuNanos, userNanos - other.userNanos, allocatedBytes - other.allocatedBytes);
        }
    }

    /**
     * CPU time and allocation so far of this JVM's threads, by what they do: the load on other cores cannot
     * stretch CPU time, so it splits a call's cost between the server and the receivers even on a busy machine.
     */
    private static java.util.Map<String, ThreadCost> costByThreadGroup() {
        var threads = (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
        var byGroup = new java.util.TreeMap<String, ThreadCost>();
        for (var info : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (info == null) {
                continue;
            }
            String name = info.getThreadName();
            String group = name.startsWith("queuedesk-fan-out") ? "server fan-out"
                    : name.startsWith("JettyServerThreadPool") ? "server Jetty pool"
                    : name.startsWith("queuedesk-writer") ? "server writer"
                    : name.startsWith("bench-ws-receivers") ? "receivers"
                    : "other";
            long id = info.getThreadId();
            var cost = new ThreadCost(threads.getThreadCpuTime(id), threads.getThreadUserTime(id),
                    threads.getThreadAllocatedBytes(id));
            if (cost.cpuNanos() > 0) {
                byGroup.merge(group, cost, ThreadCost::plus);
            }
        }
        return byGroup;
    }

    /** One call: done when the last client got the ticket.called event naming the expected number. */
    static final class Probe {
        private static final RawWebSocketReceivers.Needle CALLED = new RawWebSocketReceivers.Needle("\"type\":\"ticket.called\"");
        final RawWebSocketReceivers.Needle marker;
        final AtomicInteger remaining;
        final CountDownLatch done = new CountDownLatch(1);
        final AtomicLong lastArrival = new AtomicLong();
        /** When each client got it (System.nanoTime), in the order they did. */
        final long[] arrivals;

        Probe(String number, int clients) {
            this.marker = new RawWebSocketReceivers.Needle("\"number\":\"" + number + "\"");
            this.remaining = new AtomicInteger(clients);
            this.arrivals = new long[clients];
        }

        /** One complete text message (UTF-8) as a client received it. */
        void offer(byte[] message, int from, int to) {
            if (CALLED.in(message, from, to) && marker.in(message, from, to)) {
                long now = System.nanoTime();
                int left = remaining.decrementAndGet();
                if (left >= 0) {
                    arrivals[arrivals.length - 1 - left] = now;
                }
                if (left == 0) {
                    lastArrival.set(now);
                    done.countDown();
                }
            }
        }
    }

    private static final Pattern STREAM_CLIENTS = Pattern.compile("(?m)^queuedesk_stream_clients\\S*\\s+([0-9.eE+]+)");

    private static FanOut fanOut(Api api, String base) throws Exception {
        long site = api.createSite("Fan-out Clinic", "UTC").id();
        long service = api.createService(site, "Display test", "F").id();
        long room = api.createRoom(site, "Room F").id();
        long session = api.openSession(room, List.of(service), "dr-fan-out").id();
        List<TicketDto> tickets = new ArrayList<>();
        for (int i = 0; i < WS_WARM_UP_CALLS + WS_CALLS; i++) {
            tickets.add(api.issue(service));
        }

        var current = new java.util.concurrent.atomic.AtomicReference<Probe>();
        URI events = URI.create(base.replaceFirst("^http", "ws") + "/api/sites/" + site + "/events");
        try (var receivers = new RawWebSocketReceivers(events, WS_CLIENTS, (message, from, to) -> {
            var probe = current.get();
            if (probe != null) {
                probe.offer(message, from, to);
            }
        })) {
            return calls(api, base, session, tickets, current, receivers);
        }
    }

    private static FanOut calls(Api api, String base, long session, List<TicketDto> tickets,
                                java.util.concurrent.atomic.AtomicReference<Probe> current,
                                RawWebSocketReceivers receivers) throws InterruptedException {
        awaitSubscribers(api, WS_CLIENTS);

        long[] arrivals = new long[WS_CALLS];
        long[] answered = new long[WS_CALLS];
        int measured = 0;
        int incomplete = 0;
        ServerFanOut before = null;
        java.util.Map<String, ThreadCost> costBefore = null;
        URI next = URI.create(base + "/api/sessions/" + session + "/next");
        // a fresh client: connections pooled during the earlier phases may have been closed by the server meanwhile
        var desk = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
        for (int i = 0; i < tickets.size(); i++) {
            var probe = new Probe(tickets.get(i).number(), WS_CLIENTS);
            current.set(probe);
            String key = UUID.randomUUID().toString();
            long t0 = System.nanoTime();
            int status = post(desk, next, "", key);
            if (status == -1) {
                status = post(desk, next, "", key); // same key: a retry cannot call a second patient
            }
            long t1 = System.nanoTime();
            if (status != 200) {
                throw new IllegalStateException("Next answered HTTP " + status);
            }
            boolean all = probe.done.await(WS_CALL_DEADLINE.toMillis(), TimeUnit.MILLISECONDS);
            if (i < WS_WARM_UP_CALLS) {
                if (i == WS_WARM_UP_CALLS - 1) {
                    before = new ServerFanOut(serverHistogram(api, FAN_OUT_WRITTEN, ""), serverHistogram(api, FAN_OUT_HANDED, ""));
                    costBefore = costByThreadGroup();
                }
                continue;
            }
            if (all) {
                arrivals[measured] = probe.lastArrival.get() - t0;
                answered[measured] = t1 - t0;
                measured++;
            } else {
                incomplete++;
            }
        }
        current.set(null);
        var cost = costByThreadGroup();
        var costAtStart = costBefore;
        cost.replaceAll((group, now) -> now.minus(costAtStart.getOrDefault(group, new ThreadCost(0, 0, 0))));
        var server = new ServerFanOut(serverHistogram(api, FAN_OUT_WRITTEN, ""), serverHistogram(api, FAN_OUT_HANDED, ""));
        return new FanOut(Arrays.copyOf(arrivals, measured), Arrays.copyOf(answered, measured), incomplete,
                receivers.closedByServer(), before.since(server), cost);
    }

    /** Polls the server's stream-clients gauge until every socket is subscribed, within a deadline. */
    static void awaitSubscribers(Api api, int expected) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        double seen = -1;
        while (System.nanoTime() < deadline) {
            Matcher m = STREAM_CLIENTS.matcher(api.get("/metrics").body());
            seen = m.find() ? Double.parseDouble(m.group(1)) : -1;
            if (seen >= expected) {
                return;
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(50));
        }
        throw new IllegalStateException("only " + seen + " of " + expected + " stream clients subscribed");
    }

    // ---- numbers -------------------------------------------------------------------------------------------

    /** A growable array of longs: one per client thread, so recording never contends. */
    static final class LongList {
        private long[] values = new long[1024];
        private int size;

        void add(long value) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = value;
        }

        static long[] concat(LongList[] lists) {
            int total = 0;
            for (var l : lists) {
                total += l.size;
            }
            long[] all = new long[total];
            int at = 0;
            for (var l : lists) {
                System.arraycopy(l.values, 0, all, at, l.size);
                at += l.size;
            }
            Arrays.sort(all);
            return all;
        }
    }

    /** Nearest-rank percentile of sorted nanoseconds; NaN when there are none. */
    static double pct(long[] sortedNanos, double q) {
        if (sortedNanos.length == 0) {
            return Double.NaN;
        }
        long[] s = sortedNanos;
        if (!isSorted(s)) {
            s = s.clone();
            Arrays.sort(s);
        }
        int rank = (int) Math.ceil(q * s.length);
        return s[Math.max(0, Math.min(s.length - 1, rank - 1))];
    }

    static double max(long[] nanos) {
        return nanos.length == 0 ? Double.NaN : Arrays.stream(nanos).max().getAsLong();
    }

    private static boolean isSorted(long[] a) {
        for (int i = 1; i < a.length; i++) {
            if (a[i - 1] > a[i]) {
                return false;
            }
        }
        return true;
    }

    static double ms(double nanos) {
        return nanos / 1e6;
    }

    static void line(StringBuilder out, String format, Object... args) {
        out.append(String.format(Locale.ROOT, format, args)).append('\n');
    }

    static double loadAverage() {
        return java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    static String cpuModel() {
        try {
            Path info = Path.of("/proc/cpuinfo");
            if (Files.isReadable(info)) {
                for (String l : Files.readAllLines(info)) {
                    if (l.startsWith("model name")) {
                        return l.substring(l.indexOf(':') + 1).strip();
                    }
                }
            }
        } catch (IOException | UncheckedIOException e) {
            // unknown
        }
        return System.getProperty("os.arch");
    }
}
