package org.queuedesk.server.bench;

import static org.queuedesk.server.bench.QueueBenchmark.line;
import static org.queuedesk.server.bench.QueueBenchmark.max;
import static org.queuedesk.server.bench.QueueBenchmark.ms;
import static org.queuedesk.server.bench.QueueBenchmark.pct;

import ch.qos.logback.classic.Level;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.LongSupplier;
import org.queuedesk.common.ticket.TicketDto;
import org.queuedesk.server.bench.QueueBenchmark.Desk;
import org.queuedesk.server.bench.QueueBenchmark.Instances;
import org.queuedesk.server.bench.QueueBenchmark.LoadResult;
import org.queuedesk.server.bench.QueueBenchmark.LongList;
import org.queuedesk.server.bench.QueueBenchmark.Probe;
import org.queuedesk.server.ground.SqliteSettings;
import org.queuedesk.server.testing.Api;
import org.queuedesk.server.testing.PostgresServer;
import org.queuedesk.server.testing.ServerProcess;
import org.queuedesk.server.testing.TestServer;
import org.slf4j.LoggerFactory;

/**
 * Issue 15's benchmark: issue/Next latency (open loop, 200 desks once a second) and saturation (closed loop)
 * on SQLite and on PostgreSQL with 1, 2 and 3 server instances on one database, each against the bare
 * single-row commit rate of its own store measured in the same run; then a call's way to 1,000 WebSocket
 * clients spread over the instances (the call made on the first: the others learn of it by LISTEN/NOTIFY).
 *
 * <p>Each instance is a JVM of its own ({@link BenchInstance} through testing/ServerProcess), as in production:
 * its own heap, GC and JIT, its CPU time read from the OS per process, and the load generator's allocation
 * never pauses a server. The SQLite case runs the same way (one instance), so the two stores are measured by the
 * same harness. PostgreSQL is a throwaway cluster with durable commits ({@code fsync}, {@code synchronous_commit}
 * on), as docs/postgresql.md asks of a hospital's server. Everything shares this machine's cores: quote the
 * CPU per request and the ratios rather than the rates.
 *
 * <p>Run with {@code mvn -B -q -pl queue-server -am -Pbench verify -DskipTests
 * -Dbench.main=org.queuedesk.server.bench.PostgresBenchmark}; sizes in the README ("Benchmark").
 */
public final class PostgresBenchmark {

    // small sizes by default (a run of about a minute on a quiet machine); the full ones are in the README
    private static final List<Integer> INSTANCES = ints("bench.pgInstances", "1,2,3").stream().sorted().distinct().toList();
    private static final List<Integer> CLIENTS = ints("bench.pgClients", "50");
    private static final int DESKS = Integer.getInteger("bench.pgDesks", 50);
    private static final Duration MEASURE = Duration.ofSeconds(Integer.getInteger("bench.pgSeconds", 2));
    private static final Duration WARM_UP = Duration.ofSeconds(Math.max(1, MEASURE.toSeconds() / 3));
    /**
     * Each new instance's first load, before anything is measured: {@code -Dbench.pgJitWarmUpSeconds=N} (0: the
     * measured time plus its warm-up). At PostgreSQL's rates the JVM is still compiling the request path long after.
     */
    private static final Duration JIT_WARM_UP = Integer.getInteger("bench.pgJitWarmUpSeconds", 0) > 0
            ? Duration.ofSeconds(Integer.getInteger("bench.pgJitWarmUpSeconds")) : MEASURE.plus(WARM_UP);
    private static final Duration OPEN_LOOP = Duration.ofSeconds(Integer.getInteger("bench.pgOpenLoopSeconds", 3));
    private static final Duration BARE = Duration.ofSeconds(Integer.getInteger("bench.pgBareSeconds", 2));
    private static final int WEB_SOCKETS = Integer.getInteger("bench.pgWebSockets", 1_000);
    private static final int CALLS = Integer.getInteger("bench.pgCalls", 10);
    private static final int WARM_UP_CALLS = 3;
    private static final Duration CALL_DEADLINE = Duration.ofSeconds(10);
    /** {@code -Dbench.pgSites=N}: the desks spread over N sites (a network's sites; each site's writes queue on its row). */
    private static final int SITES = Integer.getInteger("bench.pgSites", 1);
    private static final boolean WITH_SQLITE = Boolean.parseBoolean(System.getProperty("bench.pgWithSqlite", "true"));
    /** Each instance's JVM: the default JIT and GC (not the tests' quick start), a heap as a small server has. */
    private static final List<String> INSTANCE_JVM = instanceJvm();

    private PostgresBenchmark() {
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
        System.exit(status); // the clients keep non-daemon threads; the shutdown hooks stop the instances and PostgreSQL
    }

    /** One store and instance count: its rows, its open loop and the bare commits of its store. */
    record Case(String name, List<LoadResult> closed, LoadResult open, double bareRate, String bareDetail) {
        LoadResult saturation() {
            return closed.stream().max(java.util.Comparator.comparingDouble(LoadResult::totalRate)).orElseThrow();
        }
    }

    private static void run() throws Exception {
        ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).setLevel(Level.ERROR);
        var out = new StringBuilder();
        line(out, "QueueDesk store benchmark (SQLite and PostgreSQL, several instances), %s", Instant.now().truncatedTo(ChronoUnit.SECONDS));
        line(out, "machine: %d cores (%s), Java %s; load average %.2f at start", Runtime.getRuntime().availableProcessors(),
                QueueBenchmark.cpuModel(), System.getProperty("java.version"), QueueBenchmark.loadAverage());
        line(out, "sizes: instances %s, closed loop %s clients (%d s warm-up, %d s measured), open loop %d desks %d s,"
                        + " bare commits %d s, %,d WebSockets %d calls; the desks at %d site(s)", INSTANCES, CLIENTS, WARM_UP.toSeconds(),
                MEASURE.toSeconds(), DESKS, OPEN_LOOP.toSeconds(), BARE.toSeconds(), WEB_SOCKETS, CALLS, SITES);
        line(out, "each instance: a JVM of its own (%s), open access, on 127.0.0.1, its log in %s/server-*/server.log;"
                + " the load runs in this JVM", INSTANCE_JVM, Path.of("target", "test-data").toAbsolutePath());
        line(out, "");
        flush(out);
        int deskCount = Math.max(DESKS, CLIENTS.stream().mapToInt(Integer::intValue).max().orElse(1));
        List<Case> cases = new ArrayList<>();

        if (WITH_SQLITE) {
            Path dir = TestServer.freshDir().toAbsolutePath();
            var sqlite = ServerProcess.start(dir.resolve("server.log"), INSTANCE_JVM, BenchInstance.class.getName(),
                    List.of("--host", "127.0.0.1", "--port", "0", "--data-dir", dir.toString()));
            try {
                var api = new Api(sqlite.baseUrl());
                var instances = new Instances(List.of(api), cpuOf(List.of(sqlite)), () -> 0, jitOf(List.of(sqlite)));
                var desks = QueueBenchmark.setUpDesks(api, deskCount, SITES);
                QueueBenchmark.closedLoop(instances, desks.subList(0, Math.min(50, desks.size())), JIT_WARM_UP, MEASURE);
                var settings = SqliteSettings.defaults();
                var measured = measure(instances, desks);
                double bare = QueueBenchmark.bareCommitRate(dir.resolve("bare-commits.db"), settings, BARE);
                cases.add(new Case("SQLite, 1 instance", measured.closed(), measured.open(), bare,
                        "one thread, INSERT + COMMIT per row, WAL, synchronous=" + settings.synchronous()
                                + ", same folder: " + QueueBenchmark.bareCommitLatency));
                report(out, cases.get(cases.size() - 1));
                flush(out);
            } finally {
                sqlite.stopGracefully();
            }
        }

        var postgres = PostgresServer.startDurable();
        String url = postgres.createDatabase();
        LongSupplier postgresCpu = () -> treeCpuNanos(postgres.pid());
        Path keys = TestServer.freshDir().toAbsolutePath().resolve("shared-keys");
        List<ServerProcess> servers = new ArrayList<>();
        List<Api> apis = new ArrayList<>();
        try {
            List<Desk> desks = null;
            Bare bare = null;
            for (int n : INSTANCES) {
                // instances are added as the cases need them, so a case has no idle instance hearing every event
                int from = servers.size();
                if (servers.isEmpty()) {
                    servers.add(startOnPostgres(url, keys)); // the first creates the schema; the others start together
                }
                List<CompletableFuture<ServerProcess>> others = new ArrayList<>();
                for (int i = servers.size(); i < n; i++) {
                    others.add(CompletableFuture.supplyAsync(() -> startOnPostgres(url, keys)));
                }
                for (var other : others) {
                    servers.add(other.get(2, TimeUnit.MINUTES));
                }
                for (int i = apis.size(); i < servers.size(); i++) {
                    apis.add(new Api(servers.get(i).baseUrl()));
                }
                if (desks == null) {
                    desks = QueueBenchmark.setUpDesks(apis.get(0), deskCount, SITES);
                }
                // each new instance compiles its request path before anything is measured
                QueueBenchmark.closedLoop(new Instances(apis.subList(from, n), () -> 0, () -> 0),
                        desks.subList(0, Math.min(50 * (n - from), desks.size())), JIT_WARM_UP, MEASURE);
                if (bare == null) {
                    bare = bareCommits(url, postgresCpu);
                }
                var instances = new Instances(apis.subList(0, n), cpuOf(servers.subList(0, n)), postgresCpu,
                        jitOf(servers.subList(0, n)));
                var measured = measure(instances, desks);
                cases.add(new Case("PostgreSQL, " + n + (n == 1 ? " instance" : " instances"), measured.closed(),
                        measured.open(), bare.rate(), bare.detail()));
                report(out, cases.get(cases.size() - 1));
                flush(out);
            }

            summary(out, cases);
            flush(out);
            if (!apis.isEmpty()) {
                fanOutReport(out, fanOut(apis));
            }
            line(out, "(load average %.2f at the end: other work on this machine competes for the same cores)",
                    QueueBenchmark.loadAverage());
            flush(out);
        } finally {
            servers.forEach(ServerProcess::stopGracefully);
        }
    }

    private static ServerProcess startOnPostgres(String url, Path keys) {
        Path dir = TestServer.freshDir().toAbsolutePath();
        return ServerProcess.start(dir.resolve("server.log"), INSTANCE_JVM, BenchInstance.class.getName(),
                List.of("--host", "127.0.0.1", "--port", "0", "--data-dir", dir.toString(), "--database-url", url,
                        "--database-user", PostgresServer.USER, "--keys-dir", keys.toString()));
    }

    record Measured(List<LoadResult> closed, LoadResult open) {
    }

    /** The closed-loop rows (desks round-robin over the instances), then the open loop of {@link #DESKS} desks. */
    private static Measured measure(Instances instances, List<Desk> desks) throws InterruptedException {
        List<LoadResult> closed = new ArrayList<>();
        for (int clients : CLIENTS) {
            closed.add(QueueBenchmark.closedLoop(instances, desks.subList(0, clients), WARM_UP, MEASURE));
        }
        return new Measured(closed, QueueBenchmark.openLoop(instances, desks.subList(0, DESKS), OPEN_LOOP));
    }

    private static void report(StringBuilder out, Case c) {
        line(out, "%s: closed loop (each client issues, then presses Next at its own desk; ms at the client)", c.name());
        line(out, "  %-8s| %-19s| %-10s| %-19s| %-10s| %-12s| %-14s| %-11s| %-14s| %s", "clients", "issue p50 / p99",
                "server p99", "Next p50 / p99", "server p99", "total req/s", "server us/req", "of it JIT", "database us/req",
                "errors");
        for (var r : c.closed()) {
            line(out, "  %7d | %7.2f %9.2f  | <=%7.2f | %7.2f %9.2f  | <=%7.2f | %11.0f | %13.0f | %10.0f | %14.0f | %d",
                    r.clients(), ms(pct(r.issue(), 0.50)), ms(pct(r.issue(), 0.99)), r.serverIssueP99Ms(),
                    ms(pct(r.next(), 0.50)), ms(pct(r.next(), 0.99)), r.serverNextP99Ms(), r.totalRate(),
                    r.writerMicrosPerRequest(), r.jitMicrosPerRequest(), r.databaseMicrosPerRequest(), r.errors());
        }
        var o = c.open();
        line(out, "  open loop, %d desks once a second, latency from the scheduled time: issue p50 %.2f / p99 %.2f ms,"
                        + " Next p50 %.2f / p99 %.2f ms (target p99 < 5 ms); %.0f req/s, server %.0f us/req (JIT %.0f),"
                        + " database %.0f us/req, errors %d", o.clients(), ms(pct(o.issue(), 0.50)), ms(pct(o.issue(), 0.99)),
                ms(pct(o.next(), 0.50)), ms(pct(o.next(), 0.99)), o.totalRate(), o.writerMicrosPerRequest(),
                o.jitMicrosPerRequest(), o.databaseMicrosPerRequest(), o.errors());
        line(out, "  bare commits of the store: %.0f commits/s (%s)", c.bareRate(), c.bareDetail());
        line(out, "  saturation %.0f req/s (%d clients) = %.2f x the bare commit rate (target >= 0.5)",
                c.saturation().totalRate(), c.saturation().clients(), c.saturation().totalRate() / c.bareRate());
        line(out, "");
    }

    private static void summary(StringBuilder out, List<Case> cases) {
        line(out, "Summary (server and database us/req: CPU time at saturation, what other load disturbs least)");
        line(out, "  %-26s| %-20s| %-20s| %-11s| %-13s| %-14s| %-7s| %-7s| %s", "store", "open issue p50/p99",
                "open Next p50/p99", "saturation", "bare commits", "saturation/bare", "server", "of it JIT", "database us/req");
        for (var c : cases) {
            var s = c.saturation();
            line(out, "  %-26s| %7.2f %9.2f  | %7.2f %9.2f  | %6.0f /s  | %8.0f /s  | %12.2f x | %6.0f | %8.0f | %6.0f", c.name(),
                    ms(pct(c.open().issue(), 0.50)), ms(pct(c.open().issue(), 0.99)), ms(pct(c.open().next(), 0.50)),
                    ms(pct(c.open().next(), 0.99)), s.totalRate(), c.bareRate(), s.totalRate() / c.bareRate(),
                    s.writerMicrosPerRequest(), s.jitMicrosPerRequest(), s.databaseMicrosPerRequest());
        }
        line(out, "");
    }

    // ---- the bare commits of PostgreSQL -------------------------------------------------------------------

    record Bare(double rate, String detail) {
    }

    /**
     * One connection with the server's URL and user (its pool adds nothing to a connection), a table of its own,
     * one row inserted and committed at a time: what a durable commit costs this PostgreSQL.
     */
    private static Bare bareCommits(String url, LongSupplier postgresCpu) throws SQLException {
        try (var db = DriverManager.getConnection(url, PostgresServer.USER, "")) {
            try (var ddl = db.createStatement()) {
                ddl.execute("CREATE TABLE bare_rows (id BIGSERIAL PRIMARY KEY, payload TEXT NOT NULL, at BIGINT NOT NULL)");
            }
            db.setAutoCommit(false);
            try (var insert = db.prepareStatement("INSERT INTO bare_rows(payload, at) VALUES (?, ?)")) {
                long warmUpEnd = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(500);
                while (System.nanoTime() < warmUpEnd) {
                    insertAndCommit(db, insert);
                }
                long dbCpuBefore = postgresCpu.getAsLong();
                long begin = System.nanoTime();
                long end = begin + BARE.toNanos();
                long now = begin;
                var each = new LongList();
                do {
                    long before = now;
                    insertAndCommit(db, insert);
                    now = System.nanoTime();
                    each.add(now - before);
                } while (now < end);
                long[] sorted = LongList.concat(new LongList[] {each});
                double rate = sorted.length / ((now - begin) / 1e9);
                return new Bare(rate, String.format(java.util.Locale.ROOT, "one connection, INSERT + COMMIT per row, fsync and"
                                + " synchronous_commit on: p50 %.2f ms, p99 %.2f ms, max %.2f ms; PostgreSQL CPU %.0f us per commit",
                        ms(pct(sorted, 0.50)), ms(pct(sorted, 0.99)), ms(max(sorted)),
                        (postgresCpu.getAsLong() - dbCpuBefore) / 1e3 / sorted.length));
            }
        }
    }

    private static void insertAndCommit(java.sql.Connection db, java.sql.PreparedStatement insert) throws SQLException {
        insert.setString(1, "ticket A-042 issued at reception");
        insert.setLong(2, System.currentTimeMillis());
        insert.executeUpdate();
        db.commit();
    }

    // ---- the call to WebSocket clients over the instances ---------------------------------------------------

    record FanOut(int instances, long[] last, long[] everyReceiver, long[] local, long[] remote, long[] nextAnswered,
                  int incomplete, int socketsClosed) {
    }

    /**
     * {@link #WEB_SOCKETS} receivers spread evenly over the instances (raw sockets, one selector thread per
     * instance), one site; each call is a Next on the first instance, and is done when every receiver has its
     * ticket.called event. Reports the last receiver per call and every receiver's own arrival.
     */
    private static FanOut fanOut(List<Api> apis) throws Exception {
        Api first = apis.get(0);
        long site = first.createSite("Fan-out Clinic", "UTC").id();
        long service = first.createService(site, "Display test", "F").id();
        long room = first.createRoom(site, "Room F").id();
        long session = first.openSession(room, List.of(service), "dr-fan-out").id();
        List<TicketDto> tickets = new ArrayList<>();
        for (int i = 0; i < WARM_UP_CALLS + CALLS; i++) {
            tickets.add(first.issue(service));
        }
        int n = apis.size();
        var probes = new AtomicReferenceArray<Probe>(n);
        List<RawWebSocketReceivers> receivers = new ArrayList<>();
        try {
            int[] count = new int[n];
            for (int i = 0; i < n; i++) {
                count[i] = WEB_SOCKETS / n + (i < WEB_SOCKETS % n ? 1 : 0);
                int instance = i;
                URI events = URI.create(apis.get(i).baseUrl().replaceFirst("^http", "ws") + "/api/sites/" + site + "/events");
                receivers.add(new RawWebSocketReceivers(events, count[i], (message, from, to) -> {
                    var probe = probes.get(instance);
                    if (probe != null) {
                        probe.offer(message, from, to);
                    }
                }));
            }
            for (int i = 0; i < n; i++) {
                QueueBenchmark.awaitSubscribers(apis.get(i), count[i]);
            }
            var last = new LongList();
            var every = new LongList();
            var local = new LongList();
            var remote = new LongList();
            var answered = new LongList();
            int incomplete = 0;
            URI next = URI.create(first.baseUrl() + "/api/sessions/" + session + "/next");
            var desk = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
            for (int c = 0; c < tickets.size(); c++) {
                var call = new Probe[n];
                for (int i = 0; i < n; i++) {
                    call[i] = new Probe(tickets.get(c).number(), count[i]);
                    probes.set(i, call[i]);
                }
                String key = UUID.randomUUID().toString();
                long t0 = System.nanoTime();
                int status = QueueBenchmark.post(desk, next, "", key);
                if (status == -1) {
                    status = QueueBenchmark.post(desk, next, "", key); // same key: a retry cannot call a second patient
                }
                long t1 = System.nanoTime();
                if (status != 200) {
                    throw new IllegalStateException("Next answered HTTP " + status);
                }
                boolean all = true;
                long deadline = System.nanoTime() + CALL_DEADLINE.toNanos();
                for (var probe : call) {
                    all &= probe.done.await(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                }
                if (c < WARM_UP_CALLS) {
                    continue;
                }
                if (!all) {
                    incomplete++;
                    continue;
                }
                long lastArrival = 0;
                for (int i = 0; i < n; i++) {
                    lastArrival = Math.max(lastArrival, call[i].lastArrival.get());
                    for (long at : call[i].arrivals) {
                        every.add(at - t0);
                        (i == 0 ? local : remote).add(at - t0);
                    }
                }
                last.add(lastArrival - t0);
                answered.add(t1 - t0);
            }
            for (int i = 0; i < n; i++) {
                probes.set(i, null);
            }
            int closed = receivers.stream().mapToInt(RawWebSocketReceivers::closedByServer).sum();
            return new FanOut(n, sorted(last), sorted(every), sorted(local), sorted(remote), sorted(answered), incomplete,
                    closed);
        } finally {
            receivers.forEach(RawWebSocketReceivers::close);
        }
    }

    private static long[] sorted(LongList list) {
        return LongList.concat(new LongList[] {list});
    }

    private static void fanOutReport(StringBuilder out, FanOut f) {
        line(out, "Call fan-out: Next on instance 1 -> ticket.called at %,d WebSocket clients spread over %d instances"
                + " (%d calls, %d warm-up; the other instances hear of it by LISTEN/NOTIFY)", WEB_SOCKETS, f.instances(),
                f.last().length, WARM_UP_CALLS);
        line(out, "  the last client of each call  p50 %.2f ms, p99 %.2f ms, max %.2f ms   (target p99 < 100 ms)",
                ms(pct(f.last(), 0.50)), ms(pct(f.last(), 0.99)), ms(max(f.last())));
        line(out, "  every client's own arrival    p50 %.2f ms, p99 %.2f ms; on instance 1 p99 %.2f ms, on the others p99 %.2f ms",
                ms(pct(f.everyReceiver(), 0.50)), ms(pct(f.everyReceiver(), 0.99)), ms(pct(f.local(), 0.99)),
                ms(pct(f.remote(), 0.99)));
        line(out, "  Next answered p50 %.2f ms, p99 %.2f ms; calls that missed a client within %d s: %d; sockets closed"
                        + " by a server: %d", ms(pct(f.nextAnswered(), 0.50)), ms(pct(f.nextAnswered(), 0.99)),
                CALL_DEADLINE.toSeconds(), f.incomplete(), f.socketsClosed());
    }

    // ---- CPU time per process -----------------------------------------------------------------------------

    /** The instances' processes' CPU time so far (the OS's count: the load's threads are not in it). */
    private static LongSupplier cpuOf(List<ServerProcess> processes) {
        return () -> processes.stream().mapToLong(p -> cpuNanos(p.handle())).sum();
    }

    /**
     * PostgreSQL's CPU time so far: the postmaster and its live children (the backends of the pools, the WAL
     * writer, ...). A backend that ended takes its count with it; the pools keep theirs open.
     */
    private static long treeCpuNanos(long pid) {
        return ProcessHandle.of(pid).map(root -> cpuNanos(root)
                + root.descendants().mapToLong(PostgresBenchmark::cpuNanos).sum()).orElse(0L);
    }

    /**
     * Of {@link #cpuOf}: the instances' JIT compiler threads ("C1/C2 CompilerThread" in /proc), which a short run on a
     * slow store measures along with the requests (the JVM is still compiling the request path); 0 where /proc is
     * not readable. A compiler thread the JVM ended takes its count with it.
     */
    private static LongSupplier jitOf(List<ServerProcess> processes) {
        return () -> processes.stream().mapToLong(p -> jitNanos(p.handle().pid())).sum();
    }

    private static long jitNanos(long pid) {
        Path tasks = Path.of("/proc", Long.toString(pid), "task");
        long ticks = 0;
        try (var threads = java.nio.file.Files.list(tasks)) {
            for (Path task : threads.toList()) {
                try {
                    if (!java.nio.file.Files.readString(task.resolve("comm")).contains("CompilerThre")) {
                        continue;
                    }
                    String stat = java.nio.file.Files.readString(task.resolve("stat"));
                    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    ticks += Long.parseLong(fields[11]) + Long.parseLong(fields[12]); // utime, stime
                } catch (java.io.IOException | RuntimeException threadEnded) {
                    // the thread ended meanwhile
                }
            }
        } catch (java.io.IOException notLinux) {
            return 0;
        }
        return ticks * 10_000_000L; // clock ticks of 1/100 s (USER_HZ)
    }

    private static long cpuNanos(ProcessHandle process) {
        return process.info().totalCpuDuration().map(Duration::toNanos).orElse(0L);
    }

    // ---- small things -------------------------------------------------------------------------------------

    /**
     * The JVM options the server's package ships, plus {@code -Dbench.instanceJvm="..."} (space-separated JVM
     * options) for a profiling run, e.g. {@code -XX:StartFlightRecording=filename=target/instance.jfr,settings=profile}.
     */
    private static List<String> instanceJvm() {
        var options = new ArrayList<>(ShippedJvmOptions.read());
        // compiler threads kept for the JVM's life, so that the JIT's CPU time is not lost when one would end
        options.add("-XX:-UseDynamicNumberOfCompilerThreads");
        Arrays.stream(System.getProperty("bench.instanceJvm", "").split("\\s+")).filter(o -> !o.isBlank()).forEach(options::add);
        return List.copyOf(options);
    }

    private static List<Integer> ints(String property, String fallback) {
        return Arrays.stream(System.getProperty(property, fallback).split(",")).map(String::strip)
                .filter(s -> !s.isEmpty()).map(Integer::valueOf).toList();
    }

    private static void flush(StringBuilder out) {
        System.out.print(out);
        System.out.flush();
        out.setLength(0);
    }
}
