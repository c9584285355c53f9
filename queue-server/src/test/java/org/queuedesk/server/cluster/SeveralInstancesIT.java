package org.queuedesk.server.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.queuedesk.common.Role;
import org.queuedesk.common.auth.CreateUserRequest;
import org.queuedesk.common.auth.LoginRequest;
import org.queuedesk.common.auth.TokenResponse;
import org.queuedesk.common.queue.NextRequest;
import org.queuedesk.common.queue.NextResult;
import org.queuedesk.common.queue.OpenSessionRequest;
import org.queuedesk.common.queue.SessionDto;
import org.queuedesk.common.ticket.TicketDto;
import org.queuedesk.server.app.QueueServer;
import org.queuedesk.server.app.ServerConfig;
import org.queuedesk.server.ground.PostgresSettings;
import org.queuedesk.server.testing.Api;
import org.queuedesk.server.testing.PostgresDatabases;
import org.queuedesk.server.testing.PostgresServer;
import org.queuedesk.server.testing.ServerProcess;
import org.queuedesk.server.testing.TestServer;
import org.queuedesk.server.testing.TestStore;

/**
 * Three server instances on one PostgreSQL database (issue 15), with real sign-in: each has its own data folder
 * and port, all share the database and the keys folder ({@code --keys-dir}), so a token signed by one is accepted
 * by the others. The demo users come from the first instance only. A test of several instances on one database
 * has no SQLite form: it runs in the PostgreSQL execution only (skipped, not run twice, in the SQLite one).
 */
@EnabledIfSystemProperty(named = TestStore.PROPERTY, matches = "postgresql",
        disabledReason = "several instances share a PostgreSQL database; a SQLite file has one server")
class SeveralInstancesIT {

    private static final Duration WAIT = Duration.ofSeconds(60);

    private static String url;
    private static Path keys;
    private static final List<QueueServer> instances = new ArrayList<>();
    private static final List<Api> admins = new ArrayList<>();
    private static final List<Api> receptions = new ArrayList<>();
    private static final HttpClient http = HttpClient.newHttpClient();
    private static final List<StreamClient> streams = new ArrayList<>();
    private static String receptionToken;
    private static final List<Path> dataDirs = Collections.synchronizedList(new ArrayList<>());

    @BeforeAll
    static void startThreeInstances() throws Exception {
        url = PostgresServer.shared().createDatabase();
        keys = TestServer.freshDir().resolve("shared-keys");
        // the first creates the schema and the demo users; the other two start together on its keys
        instances.add(start(true));
        var others = List.of(CompletableFuture.supplyAsync(() -> start(false)),
                CompletableFuture.supplyAsync(() -> start(false)));
        for (var other : others) {
            instances.add(other.get(WAIT.toSeconds(), TimeUnit.SECONDS));
        }
        String admin = signIn(instances.get(0).baseUrl(), "admin", "admin");
        receptionToken = signIn(instances.get(1).baseUrl(), "reception", "reception");
        for (QueueServer instance : instances) {
            // tokens signed by instances A and B are used on every instance: the shared token-signing key
            admins.add(new Api(instance.baseUrl()).withToken(admin));
            receptions.add(new Api(instance.baseUrl()).withToken(receptionToken));
        }
    }

    private static QueueServer start(boolean demo) {
        Path dataDir = TestServer.freshDir();
        dataDirs.add(dataDir);
        ServerConfig config = ServerConfig.forTests(dataDir).withDemo(demo)
                .withPostgres(new PostgresSettings(url, PostgresServer.USER, null)).withKeysDir(keys);
        return new QueueServer(config, Clock.systemUTC()).start();
    }

    private static String signIn(String baseUrl, String username, String password) {
        return new Api(baseUrl).post("/api/auth/login", new LoginRequest(username, password))
                .as(TokenResponse.class).accessToken();
    }

    @AfterAll
    static void stopInstances() {
        streams.forEach(StreamClient::close);
        instances.forEach(QueueServer::close);
    }

    // ------------------------------------------------------------------ the shared keys

    @Test
    void theInstancesSignAndHashWithTheKeysOfTheSharedFolderOnly() throws Exception {
        try (var files = Files.list(keys)) {
            assertThat(files.map(f -> f.getFileName().toString()).sorted().toList())
                    .containsExactly("phone-hash.key", "token-signing.key");
        }
        for (Path dataDir : dataDirs) {
            try (var files = Files.list(dataDir)) {
                assertThat(files.map(f -> f.getFileName().toString())).as("no key in " + dataDir)
                        .noneMatch(name -> name.endsWith(".key"));
            }
        }
        // signed in on C, accepted on A and B
        String nurse = signIn(instances.get(2).baseUrl(), "nurse", "nurse");
        for (QueueServer instance : instances) {
            var me = new Api(instance.baseUrl()).withToken(nurse).get("/api/auth/me");
            assertThat(me.status()).as(instance.baseUrl() + ": " + me.body()).isEqualTo(200);
        }
    }

    // ------------------------------------------------------------------ a) 64 desks, 3,000 tickets

    @Test
    void sixtyFourDesksOnThreeInstancesCallEachOfThreeThousandTicketsExactlyOnce() throws Exception {
        int tickets = 3000;
        int desks = 64;
        // a hospital network: four sites, sixteen desks at each, every site served through all three instances
        int sites = 4;
        long[] site = new long[sites];
        long[] service = new long[sites];
        for (int s = 0; s < sites; s++) {
            site[s] = admins.get(s % 3).createSite("Network Clinic " + s, "UTC").id();
            service[s] = admins.get((s + 1) % 3).createService(site[s], "General", "A").id();
        }
        ExecutorService pool = Executors.newFixedThreadPool(desks);
        var figures = new Figures();
        try {
            // two receptionists per instance
            List<Future<List<TicketDto>>> issuing = new ArrayList<>();
            for (int r = 0; r < 6; r++) {
                Api reception = receptions.get(r % 3);
                issuing.add(pool.submit(() -> LongStream.range(0, tickets / 6)
                        .mapToObj(i -> reception.issue(service[(int) (i % sites)])).toList()));
            }
            List<TicketDto> issued = new ArrayList<>();
            for (var batch : issuing) {
                issued.addAll(batch.get(2, TimeUnit.MINUTES));
            }
            figures.phase("3,000 issues over 3 instances");
            assertThat(issued.stream().map(t -> t.serviceId() + "/" + t.number()).distinct())
                    .as("each number given once at its service").hasSize(tickets);

            List<Future<Desk>> opening = new ArrayList<>();
            for (int d = 0; d < desks; d++) {
                int desk = d;
                opening.add(pool.submit(() -> openDesk(desk % 3, "doctor-a" + desk, site[desk % sites],
                        service[desk % sites])));
            }
            List<Desk> deskApis = new ArrayList<>();
            for (var f : opening) {
                deskApis.add(f.get(2, TimeUnit.MINUTES));
            }
            var go = new CountDownLatch(1);
            List<Long> called = Collections.synchronizedList(new ArrayList<>());
            List<Future<Integer>> pressing = new ArrayList<>();
            for (Desk desk : deskApis) {
                pressing.add(pool.submit(() -> {
                    go.await();
                    return pressUntilEmpty(desk, called);
                }));
            }
            figures.phase("64 doctors created, signed in, sessions opened");
            go.countDown();
            int calls = 0;
            for (var desk : pressing) {
                calls += desk.get(3, TimeUnit.MINUTES);
            }
            figures.phase("3,000 Nexts by 64 desks over 3 instances");
            assertThat(calls).isEqualTo(tickets);
            assertThat(called).as("no ticket called twice, none skipped").doesNotHaveDuplicates()
                    .containsExactlyInAnyOrderElementsOf(issued.stream().map(TicketDto::id).toList());
            assertThat(count("SELECT count(*) FROM tickets WHERE state = 'waiting' AND site_id IN ("
                    + LongStream.of(site).mapToObj(Long::toString).collect(java.util.stream.Collectors.joining(",")) + ")"))
                    .as("nothing left waiting").isZero();
        } finally {
            pool.shutdownNow();
        }
    }

    /** A doctor (created by an admin on one instance) signs in on {@code instance} and opens a session there. */
    private static Desk openDesk(int instance, String username, long site, long service) {
        Api admin = admins.get((instance + 1) % 3);
        var created = admin.post("/api/users", new CreateUserRequest(username, "correct-horse-" + username,
                List.of(Role.DOCTOR)));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        long room = admin.createRoom(site, "Room " + username).id();
        return openSession(new Api(instances.get(instance).baseUrl()), username, room, service);
    }

    /** The doctor signs in on the instance {@code anonymous} talks to and opens a session there. */
    private static Desk openSession(Api anonymous, String username, long room, long service) {
        Api desk = anonymous.signedInAs(username, "correct-horse-" + username);
        var session = desk.post("/api/sessions", new OpenSessionRequest(room, List.of(service), null));
        assertThat(session.status()).as(session.body()).isIn(200, 201);
        return new Desk(desk, session.as(SessionDto.class).id());
    }

    /** A doctor's client on one instance and the session it opened there. */
    private record Desk(Api api, long session) {
        Api.Response next(long current) {
            return api.post("/api/sessions/" + session + "/next", new NextRequest(current));
        }
    }

    private static int pressUntilEmpty(Desk desk, List<Long> called) {
        return pressUntilEmpty(desk, 0, called);
    }

    /** Next until the queue is empty, from the desk's current patient (0: none). */
    private static int pressUntilEmpty(Desk desk, long from, List<Long> called) {
        long current = from;
        int calls = 0;
        while (true) {
            var response = desk.next(current);
            assertThat(response.status()).as(response.body()).isEqualTo(200);
            var result = response.as(NextResult.class);
            if (result.called() == null) {
                return calls;
            }
            called.add(result.called().id());
            current = result.called().id();
            calls++;
        }
    }

    // ------------------------------------------------------------------ b) the live stream across instances

    @Test
    void aCallOnOneInstanceReachesAStreamOnAnotherAndSinceResumesOnAThird() throws Exception {
        long site = admins.get(0).createSite("Stream Clinic", "UTC").id();
        long service = admins.get(0).createService(site, "General", "S").id();
        Desk desk = openDesk(0, "doctor-stream", site, service);
        long start = eventSeq(site);
        StreamClient onB = connect(1, site, start);
        List<Long> issued = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            issued.add(receptions.get(2).issue(service).id());
        }
        // calls made on instance A, each one awaited on instance B's stream
        long current = 0;
        List<Long> calledOnA = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            current = desk.next(current).as(NextResult.class).called().id();
            calledOnA.add(current);
            long ticket = current;
            await(() -> onB.events().stream().anyMatch(e -> "ticket.called".equals(e.path("type").asText())
                    && e.path("ticket").path("id").asLong() == ticket), "B streams the call made on A");
        }
        assertThat(calledOnA).as("first come, first called").containsExactlyElementsOf(issued.subList(0, 8));
        long seenOnB = eventSeq(site);
        await(() -> onB.maxSeq() == seenOnB, "B has every event so far");
        onB.close();

        // while the display is away: more issues and calls on A and B
        for (int i = 0; i < 10; i++) {
            receptions.get(i % 2).issue(service);
            current = desk.next(current).as(NextResult.class).called().id();
        }
        long last = eventSeq(site);
        StreamClient onC = connect(2, site, seenOnB);
        await(() -> onC.maxSeq() == last, "C catches up to the last event");
        assertThat(onB.seqs()).as("B: every event after %d, in order", start)
                .containsExactlyElementsOf(LongStream.rangeClosed(start + 1, seenOnB).boxed().toList());
        assertThat(onC.seqs()).as("C: exactly the events after %d, in order", seenOnB)
                .containsExactlyElementsOf(LongStream.rangeClosed(seenOnB + 1, last).boxed().toList());
        assertThat(onC.events().stream().map(e -> e.path("type").asText()).toList())
                .containsExactlyElementsOf(storedTypes(site, seenOnB));
    }

    // ------------------------------------------------------------------ c) kill -9 of one instance under load

    @Test
    void killingOneInstanceUnderLoadLosesNothingAcknowledgedAndTheOthersKeepServing() throws Exception {
        long site = admins.get(0).createSite("Crash Clinic", "UTC").id();
        long service = admins.get(0).createService(site, "General", "K").id();
        Path doomedDir = TestServer.freshDir();
        // in a JVM of its own, so that it can be killed with SIGKILL: same database and keys folder, its own data folder
        ServerProcess doomed = ServerProcess.start(doomedDir.resolve("server.log"), List.of("--port", "0", "--host",
                "127.0.0.1", "--data-dir", doomedDir.toString(), "--database-url", url, "--database-user",
                PostgresServer.USER, "--keys-dir", keys.toString()));
        ExecutorService pool = Executors.newFixedThreadPool(12);
        try {
            // the doomed instance's clients use tokens signed by instance A: one key
            Api doomedReception = new Api(doomed.baseUrl()).withToken(receptionToken);
            List<Desk> desks = new ArrayList<>();
            List<Boolean> onDoomed = new ArrayList<>();
            for (int d = 0; d < 6; d++) {
                boolean doomedDesk = d < 2;
                desks.add(doomedDesk ? openDeskOn(new Api(doomed.baseUrl()), "doctor-k" + d, site, service)
                        : openDesk(d % 2, "doctor-k" + d, site, service));
                onDoomed.add(doomedDesk);
            }
            StreamClient display = connect(doomed.baseUrl(), site, 0);

            var issuedAck = new ConcurrentLinkedQueue<Long>();
            var calledAck = new ConcurrentLinkedQueue<Long>();
            var issuedOnDoomed = new AtomicInteger();
            var stop = new AtomicBoolean();
            List<Future<?>> load = new ArrayList<>();
            List<Future<Long>> deskLoad = new ArrayList<>();
            for (Api reception : List.of(doomedReception, doomedReception, receptions.get(0), receptions.get(1))) {
                boolean doomedClient = reception == doomedReception;
                load.add(pool.submit(() -> {
                    while (!stop.get()) {
                        TicketDto ticket;
                        try {
                            ticket = reception.issue(service);
                        } catch (RuntimeException | AssertionError dropped) {
                            if (doomedClient) {
                                return; // its instance is gone: an unanswered request is not acknowledged
                            }
                            throw dropped;
                        }
                        issuedAck.add(ticket.id());
                        if (doomedClient) {
                            issuedOnDoomed.incrementAndGet();
                        }
                    }
                }));
            }
            for (int d = 0; d < desks.size(); d++) {
                Desk desk = desks.get(d);
                boolean doomedDesk = onDoomed.get(d);
                deskLoad.add(pool.submit(() -> {
                    long current = 0;
                    while (!stop.get()) {
                        Api.Response response;
                        try {
                            response = desk.next(current);
                        } catch (RuntimeException | AssertionError dropped) {
                            if (doomedDesk) {
                                return current;
                            }
                            throw dropped;
                        }
                        assertThat(response.status()).as(response.body()).isEqualTo(200);
                        var result = response.as(NextResult.class);
                        if (result.called() != null) {
                            calledAck.add(result.called().id());
                            current = result.called().id();
                        } else {
                            current = 0;
                        }
                    }
                    return current;
                }));
            }
            await(() -> issuedOnDoomed.get() >= 60 && calledAck.size() >= 60, "load through every instance");
            doomed.kill();
            int issuedAtKill = issuedAck.size();
            int calledAtKill = calledAck.size();
            await(() -> issuedAck.size() >= issuedAtKill + 60 && calledAck.size() >= calledAtKill + 60,
                    "the other instances keep serving");
            stop.set(true);
            for (var f : load) {
                f.get(WAIT.toSeconds(), TimeUnit.SECONDS);
            }
            List<Long> currents = new ArrayList<>();
            for (var f : deskLoad) {
                currents.add(f.get(WAIT.toSeconds(), TimeUnit.SECONDS));
            }

            // every acknowledged ticket is in the database once
            Set<Long> stored = new HashSet<>(longs("SELECT id FROM tickets WHERE site_id = " + site));
            assertThat(stored).as("every acknowledged ticket stored").containsAll(issuedAck);
            assertThat(count("SELECT count(*) - count(DISTINCT number) FROM tickets WHERE site_id = " + site))
                    .as("no number given twice").isZero();
            // every acknowledged call is stored, and no ticket was called twice
            assertThat(calledAck).doesNotHaveDuplicates();
            Set<Long> waiting = new HashSet<>(longs("SELECT id FROM tickets WHERE site_id = " + site
                    + " AND state = 'waiting'"));
            assertThat(calledAck).as("acknowledged calls are not waiting again").noneMatch(waiting::contains);
            assertThat(count("SELECT count(*) FROM tickets WHERE site_id = " + site
                    + " AND state <> 'waiting' AND called_at IS NULL")).isZero();
            // the survivors' desks drain the queue: what the dead instance committed is served, nothing twice
            List<Long> drained = Collections.synchronizedList(new ArrayList<>());
            for (int d = 2; d < desks.size(); d++) {
                pressUntilEmpty(desks.get(d), currents.get(d), drained);
            }
            var allCalls = new ArrayList<>(calledAck);
            allCalls.addAll(drained);
            assertThat(allCalls).as("each ticket called once over the crash").doesNotHaveDuplicates();
            assertThat(waiting).containsExactlyInAnyOrderElementsOf(drained);
            assertThat(count("SELECT count(*) FROM tickets WHERE site_id = " + site + " AND state = 'waiting'"))
                    .isZero();

            // the dead instance's display resumes on instance B with since=N: no gap, nothing twice
            long seen = display.maxSeq();
            long last = eventSeq(site);
            StreamClient resumed = connect(1, site, seen);
            await(() -> resumed.maxSeq() == last, "the display catches up on B");
            var seqs = new ArrayList<>(display.seqs());
            seqs.addAll(resumed.seqs());
            assertThat(seqs).containsExactlyElementsOf(LongStream.rangeClosed(1, last).boxed().toList());
        } finally {
            pool.shutdownNow();
            doomed.kill();
        }
    }

    private static Desk openDeskOn(Api anonymous, String username, long site, long service) {
        var created = admins.get(0).post("/api/users", new CreateUserRequest(username, "correct-horse-" + username,
                List.of(Role.DOCTOR)));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return openSession(anonymous, username, admins.get(0).createRoom(site, "Room " + username).id(), service);
    }

    // ------------------------------------------------------------------ helpers

    /** Wall time and this JVM's CPU time (all three instances and the clients) per phase, for the report. */
    private static final class Figures {
        private final com.sun.management.OperatingSystemMXBean os = (com.sun.management.OperatingSystemMXBean)
                java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        private long wall = System.nanoTime();
        private long cpu = os.getProcessCpuTime();

        void phase(String what) {
            long nowWall = System.nanoTime();
            long nowCpu = os.getProcessCpuTime();
            System.out.printf("SeveralInstancesIT: %s: %d ms wall, %d ms CPU of the test JVM%n", what,
                    (nowWall - wall) / 1_000_000, (nowCpu - cpu) / 1_000_000);
            wall = nowWall;
            cpu = nowCpu;
        }
    }

    private static long eventSeq(long site) {
        return count("SELECT event_seq FROM sites WHERE id = " + site);
    }

    private static long count(String sql) {
        List<Long> values = longs(sql);
        return values.get(0);
    }

    private static List<Long> longs(String sql) {
        try (var connection = PostgresDatabases.connect(url); var statement = connection.createStatement();
             var rows = statement.executeQuery(sql)) {
            List<Long> values = new ArrayList<>();
            while (rows.next()) {
                values.add(rows.getLong(1));
            }
            return values;
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    private static List<String> storedTypes(long site, long after) {
        try (var connection = PostgresDatabases.connect(url); var statement = connection.prepareStatement(
                "SELECT type FROM events WHERE site_id = ? AND seq > ? ORDER BY seq")) {
            statement.setLong(1, site);
            statement.setLong(2, after);
            List<String> types = new ArrayList<>();
            try (var rows = statement.executeQuery()) {
                while (rows.next()) {
                    types.add(rows.getString(1));
                }
            }
            return types;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void await(BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("waited for: " + what).isLessThan(deadline);
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(10));
        }
    }

    private static StreamClient connect(int instance, long site, long since) throws Exception {
        return connect(instances.get(instance).baseUrl(), site, since);
    }

    private static StreamClient connect(String baseUrl, long site, long since) throws Exception {
        var client = new StreamClient();
        var uri = URI.create(baseUrl.replace("http://", "ws://") + "/api/sites/" + site + "/events?since=" + since
                + "&access_token=" + receptionToken);
        client.socket = http.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(5)).buildAsync(uri, client)
                .get(WAIT.toSeconds(), TimeUnit.SECONDS);
        streams.add(client);
        return client;
    }

    /** A live-stream client that keeps every event in the order received. */
    private static final class StreamClient implements WebSocket.Listener {

        private final List<JsonNode> events = new ArrayList<>();
        private final StringBuilder partial = new StringBuilder();
        private volatile WebSocket socket;
        private volatile boolean stopped;

        @Override
        public void onOpen(WebSocket webSocket) {
            webSocket.request(1);
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                String text = partial.toString();
                partial.setLength(0);
                try {
                    JsonNode event = Api.JSON.readTree(text);
                    synchronized (this) {
                        if (!stopped && event.has("seq")) {
                            events.add(event);
                        }
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
            webSocket.request(1);
            return null;
        }

        synchronized List<JsonNode> events() {
            return List.copyOf(events);
        }

        synchronized List<Long> seqs() {
            return events.stream().map(e -> e.path("seq").asLong()).toList();
        }

        synchronized long maxSeq() {
            return events.stream().mapToLong(e -> e.path("seq").asLong()).max().orElse(0);
        }

        /** Stops recording at once (what it has is what it saw), then closes the socket. */
        void close() {
            synchronized (this) {
                stopped = true;
            }
            if (socket != null) {
                socket.abort();
            }
        }
    }
}
