package org.queuedesk.server.crash;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.queuedesk.server.testing.Api;
import org.queuedesk.server.testing.ServerProcess;
import org.queuedesk.server.testing.TestServer;

/**
 * The crash target of the mission: the real server runs as its own JVM on a demo data folder, eight
 * receptionists issue tickets and two desks press Next on the four rooms, and the process is killed with
 * SIGKILL in the middle of that load, three times, each time restarted on the same file. Afterwards the
 * SQLite file itself is checked: every acknowledged ticket is there with its number, no number was handed
 * out twice, nobody was called twice, every acknowledged call is recorded, the event stream has no gap and
 * the file is intact. Retrying acknowledged issue requests after a restart gives back the same tickets.
 * Receptionists and doctors sign in as the demo users; their tokens stay valid across the restarts.
 */
@org.queuedesk.server.testing.SqliteOnly("the SQLite file after kill -9 (PostgreSQL recovers by itself)")
class CrashRecoveryIT {

    private static final int CRASHES = 3;
    private static final int ISSUERS = 8;
    private static final int DESKS = 2;
    /** Acknowledgements to wait for in each round before the kill (or until the round's deadline). */
    private static final int TICKETS_PER_ROUND = 80;
    private static final int CALLS_PER_ROUND = 20;
    private static final Duration ROUND_DEADLINE = Duration.ofSeconds(8);

    record Issued(String key, String body, long id, String number) {
    }

    record Called(long sessionId, long roomId, long ticketId, String number) {
    }

    record Attempt(String key, String body) {
    }

    private final ConcurrentLinkedQueue<Issued> acknowledged = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<Called> calls = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<Attempt> inFlightAtKill = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<String> unexpected = new ConcurrentLinkedQueue<>();
    private final Map<Long, Long> sessionByRoom = new LinkedHashMap<>();
    private ServerProcess server;
    /** Signed in once, on the first start: the signing key is in the data folder, so tokens outlive a crash. */
    private String receptionToken;
    private String doctorToken;

    @AfterEach
    void killLeftovers() {
        if (server != null) {
            server.kill();
        }
    }

    @Test
    void killNineUnderLoadLosesNoAcknowledgedTicketDuplicatesNoNumberAndCallsNobodyTwice() throws Exception {
        Path dataDir = TestServer.freshDir().toAbsolutePath();
        int replaysChecked = 0;
        int cutOffByKills = 0;
        for (int round = 0; round <= CRASHES; round++) {
            server = ServerProcess.start(dataDir.resolve("server-" + round + ".log"),
                    List.of("--port", "0", "--host", "127.0.0.1", "--data-dir", dataDir.toString(), "--demo"));
            if (round == 0) {
                receptionToken = signIn(server.baseUrl(), "reception");
                doctorToken = signIn(server.baseUrl(), "doctor");
            }
            var client = new Client(server.baseUrl(), receptionToken);
            var desk = new Client(server.baseUrl(), doctorToken);
            if (round > 0) {
                cutOffByKills += inFlightAtKill.size();
                replaysChecked += retryAfterRestart(client);
            }
            var demo = demoSite(client);
            ensureSessions(desk, demo);
            var load = new Load(client, desk, demo);
            load.awaitTargets();
            if (round < CRASHES) {
                load.killServerMidway(server); // SIGKILL while requests are in flight
            } else {
                load.stopCleanly();
                server.stopGracefully();
            }
            assertThat(load.ticketsThisRound.get()).as("tickets acknowledged in round %d", round).isPositive();
            server = null;
        }

        assertThat(unexpected).as("answers other than success or a dropped connection").isEmpty();
        assertThat(replaysChecked).isGreaterThan(0);
        assertThat(calls).extracting(Called::ticketId).doesNotHaveDuplicates();
        verifyDatabase(dataDir.resolve("queuedesk.db"));
        System.out.printf("CrashRecoveryIT: %d kills; %d tickets and %d calls acknowledged; %d issue requests cut off"
                + " by a kill and retried; %d acknowledged issues replayed with their key (%s)%n", CRASHES,
                acknowledged.size(), calls.size(), cutOffByKills, replaysChecked, dataDir);
    }

    /** The demo users of {@code --demo} (the README's reception/reception and doctor/doctor). */
    private static String signIn(String baseUrl, String user) {
        var reply = new Client(baseUrl, null).post("/api/auth/login",
                "{\"username\":\"" + user + "\",\"password\":\"" + user + "\"}", null);
        assertThat(reply.status()).as("sign-in of %s: %s", user, reply.body()).isEqualTo(200);
        return reply.json().get("accessToken").asText();
    }

    // ---- after a restart ---------------------------------------------------------------------------------

    /**
     * Repeats acknowledged issue requests (the last ones before the kill and a few older ones) with their
     * original key and body: each must be replayed as the same ticket. Requests that were cut off by the kill
     * are retried too; whatever they answer now is acknowledged from then on.
     */
    private int retryAfterRestart(Client client) {
        List<Issued> all = new ArrayList<>(acknowledged);
        Set<Issued> sample = new HashSet<>(all.subList(Math.max(0, all.size() - 20), all.size()));
        var random = ThreadLocalRandom.current();
        for (int i = 0; i < 10 && !all.isEmpty(); i++) {
            sample.add(all.get(random.nextInt(all.size())));
        }
        for (Issued earlier : sample) {
            var reply = client.post("/api/tickets", earlier.body(), earlier.key());
            assertThat(reply.status()).as("replay of %s: %s", earlier.number(), reply.body()).isEqualTo(201);
            assertThat(reply.header("Idempotent-Replayed")).isEqualTo("true");
            var ticket = reply.json();
            assertThat(ticket.get("id").asLong()).isEqualTo(earlier.id());
            assertThat(ticket.get("number").asText()).isEqualTo(earlier.number());
        }
        Attempt cutOff;
        while ((cutOff = inFlightAtKill.poll()) != null) {
            var reply = client.post("/api/tickets", cutOff.body(), cutOff.key());
            assertThat(reply.status()).as("retry of a request cut off by the kill: %s", reply.body()).isEqualTo(201);
            var ticket = reply.json();
            acknowledged.add(new Issued(cutOff.key(), cutOff.body(), ticket.get("id").asLong(),
                    ticket.get("number").asText()));
        }
        return sample.size();
    }

    record Demo(long siteId, List<Long> serviceIds, List<Long> roomIds) {
    }

    private static Demo demoSite(Client client) {
        long siteId = -1;
        for (JsonNode site : client.get("/api/sites").json()) {
            if (site.get("name").asText().equals("Riverside Clinic")) {
                siteId = site.get("id").asLong();
            }
        }
        assertThat(siteId).as("the demo site").isPositive();
        List<Long> services = new ArrayList<>();
        client.get("/api/sites/" + siteId + "/services").json().forEach(s -> services.add(s.get("id").asLong()));
        List<Long> rooms = new ArrayList<>();
        client.get("/api/sites/" + siteId + "/rooms").json().forEach(r -> rooms.add(r.get("id").asLong()));
        assertThat(services).hasSize(3);
        assertThat(rooms).hasSize(4);
        return new Demo(siteId, services, rooms);
    }

    /** One open session per room; sessions opened before a crash are still open afterwards and are reused. */
    private void ensureSessions(Client client, Demo demo) {
        var status = client.get("/api/sites/" + demo.siteId() + "/queue-status");
        assertThat(status.status()).isEqualTo(200);
        Map<Long, Long> open = new HashMap<>();
        for (JsonNode room : status.json().get("rooms")) {
            if (!room.get("sessionId").isNull()) {
                open.put(room.get("roomId").asLong(), room.get("sessionId").asLong());
            }
        }
        for (long room : demo.roomIds()) {
            Long session = open.get(room);
            if (session == null) {
                // in the signed-in doctor's own name: naming someone else is refused
                String body = "{\"roomId\":" + room + ",\"serviceIds\":" + demo.serviceIds() + "}";
                var reply = client.post("/api/sessions", body, "crash-open-" + UUID.randomUUID());
                assertThat(reply.status()).as(reply.body()).isEqualTo(201);
                session = reply.json().get("id").asLong();
            }
            Long before = sessionByRoom.put(room, session);
            assertThat(before == null || before.equals(session)).as("room %d keeps its session", room).isTrue();
        }
    }

    // ---- the load ------------------------------------------------------------------------------------------

    /** Eight receptionists and two desks, until enough is acknowledged; then the server is killed under them. */
    private final class Load {

        final AtomicBoolean stop = new AtomicBoolean();
        final AtomicBoolean killed = new AtomicBoolean();
        final AtomicInteger ticketsThisRound = new AtomicInteger();
        final CountDownLatch ticketTarget = new CountDownLatch(TICKETS_PER_ROUND);
        final CountDownLatch callTarget = new CountDownLatch(CALLS_PER_ROUND);
        final ExecutorService workers = Executors.newFixedThreadPool(ISSUERS + DESKS);
        final Client client;
        final Client desk;

        Load(Client client, Client desk, Demo demo) {
            this.client = client;
            this.desk = desk;
            for (int i = 0; i < ISSUERS; i++) {
                workers.execute(() -> issueUntilStopped(demo.serviceIds()));
            }
            List<Long> rooms = demo.roomIds();
            for (int d = 0; d < DESKS; d++) {
                List<Long> mine = new ArrayList<>();
                for (int r = d; r < rooms.size(); r += DESKS) {
                    mine.add(sessionByRoom.get(rooms.get(r)));
                }
                workers.execute(() -> pressNextUntilStopped(mine));
            }
        }

        void awaitTargets() throws InterruptedException {
            long deadline = System.nanoTime() + ROUND_DEADLINE.toNanos();
            ticketTarget.await(ROUND_DEADLINE.toNanos(), TimeUnit.NANOSECONDS);
            callTarget.await(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        }

        void killServerMidway(ServerProcess process) throws InterruptedException {
            killed.set(true);
            process.kill();
            stopCleanly();
        }

        void stopCleanly() throws InterruptedException {
            stop.set(true);
            workers.shutdown();
            assertThat(workers.awaitTermination(30, TimeUnit.SECONDS)).as("load threads stop").isTrue();
        }

        private void issueUntilStopped(List<Long> services) {
            var random = ThreadLocalRandom.current();
            while (!stop.get()) {
                String key = "crash-issue-" + UUID.randomUUID();
                String body = "{\"serviceId\":" + services.get(random.nextInt(services.size())) + "}";
                Client.Reply reply;
                try {
                    reply = client.post("/api/tickets", body, key);
                } catch (UncheckedIOException e) {
                    if (killed.get()) {
                        inFlightAtKill.add(new Attempt(key, body));
                        return;
                    }
                    unexpected.add("issue failed while the server was up: " + e);
                    return;
                }
                if (reply.status() == 201) {
                    var ticket = reply.json();
                    acknowledged.add(new Issued(key, body, ticket.get("id").asLong(), ticket.get("number").asText()));
                    ticketsThisRound.incrementAndGet();
                    ticketTarget.countDown();
                } else {
                    unexpected.add("issue: HTTP " + reply.status() + " " + reply.body());
                }
            }
        }

        private void pressNextUntilStopped(List<Long> sessions) {
            int turn = 0;
            while (!stop.get()) {
                long session = sessions.get(turn++ % sessions.size());
                Client.Reply reply;
                try {
                    reply = desk.post("/api/sessions/" + session + "/next", "", "crash-next-" + UUID.randomUUID());
                } catch (UncheckedIOException e) {
                    if (!killed.get()) {
                        unexpected.add("next failed while the server was up: " + e);
                    }
                    return;
                }
                if (reply.status() != 200) {
                    unexpected.add("next: HTTP " + reply.status() + " " + reply.body());
                    continue;
                }
                JsonNode called = reply.json().get("called");
                if (called != null && !called.isNull()) {
                    calls.add(new Called(session, called.get("roomId").asLong(), called.get("id").asLong(),
                            called.get("number").asText()));
                    callTarget.countDown();
                }
            }
        }
    }

    // ---- the file itself ---------------------------------------------------------------------------------

    private void verifyDatabase(Path file) throws SQLException {
        assertThat(file).exists();
        try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + file);
             Statement sql = db.createStatement()) {
            assertThat(strings(sql, "PRAGMA integrity_check")).containsExactly("ok");
            assertThat(strings(sql, "PRAGMA foreign_key_check")).isEmpty();

            Map<Long, String> numbers = new HashMap<>();
            try (ResultSet rs = sql.executeQuery("SELECT id, number FROM tickets")) {
                while (rs.next()) {
                    numbers.put(rs.getLong(1), rs.getString(2));
                }
            }
            assertThat(acknowledged).isNotEmpty();
            for (Issued ticket : acknowledged) {
                assertThat(numbers.get(ticket.id())).as("acknowledged ticket %d", ticket.id()).isEqualTo(ticket.number());
            }
            assertThat(acknowledged).extracting(Issued::id).doesNotHaveDuplicates();

            assertThat(strings(sql, """
                    SELECT number_service_id || '/' || service_date || '/' || seq FROM tickets
                     GROUP BY number_service_id, service_date, seq HAVING count(*) > 1""")).isEmpty();
            assertThat(strings(sql, """
                    SELECT site_id || '/' || service_date || '/' || number FROM tickets
                     GROUP BY site_id, service_date, number HAVING count(*) > 1""")).isEmpty();
            // a counter never lags behind the numbers it handed out, so none is reused after a crash
            assertThat(strings(sql, """
                    SELECT t.number_service_id || '/' || t.service_date FROM tickets t
                      LEFT JOIN ticket_counters c ON c.service_id = t.number_service_id AND c.local_date = t.service_date
                     GROUP BY t.number_service_id, t.service_date
                    HAVING max(t.seq) > coalesce(max(c.last_seq), 0)""")).isEmpty();

            assertThat(strings(sql, """
                    SELECT ticket_id FROM ticket_events WHERE action = 'call' AND to_state = 'called'
                     GROUP BY ticket_id HAVING count(*) > 1""")).as("tickets called twice").isEmpty();
            assertThat(strings(sql, """
                    SELECT session_id FROM tickets WHERE state IN ('called', 'serving')
                     GROUP BY session_id HAVING count(*) > 1""")).as("sessions with two current patients").isEmpty();
            Set<String> recordedCalls = new HashSet<>(strings(sql, """
                    SELECT e.ticket_id || '@' || e.room_id || '#' || t.session_id FROM ticket_events e
                      JOIN tickets t ON t.id = e.ticket_id
                     WHERE e.action = 'call' AND e.to_state = 'called'"""));
            assertThat(calls).isNotEmpty();
            for (Called call : calls) {
                assertThat(recordedCalls).as("acknowledged call of %s", call.number())
                        .contains(call.ticketId() + "@" + call.roomId() + "#" + call.sessionId());
            }

            List<String> gaps = strings(sql, """
                    SELECT s.id || ': ' || count(e.seq) || ' events, seq ' || coalesce(min(e.seq), 0) || '..'
                           || coalesce(max(e.seq), 0) || ', site counter ' || s.event_seq
                      FROM sites s LEFT JOIN events e ON e.site_id = s.id
                     GROUP BY s.id
                    HAVING count(e.seq) <> s.event_seq OR coalesce(min(e.seq), 1) <> 1
                        OR coalesce(max(e.seq), 0) <> s.event_seq""");
            assertThat(gaps).as("sites whose event seq is not gap-free 1..max").isEmpty();
        }
    }

    private static List<String> strings(Statement sql, String query) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (ResultSet rs = sql.executeQuery(query)) {
            while (rs.next()) {
                rows.add(rs.getString(1));
            }
        }
        return rows;
    }

    // ---- a client for the server process -----------------------------------------------------------------

    /** HTTP/1.1 over the JDK client; a dropped connection is an {@link UncheckedIOException}. */
    static final class Client {

        record Reply(int status, String body, HttpResponse<String> raw) {
            JsonNode json() {
                try {
                    return Api.JSON.readTree(body);
                } catch (IOException e) {
                    throw new UncheckedIOException("not JSON: " + body, e);
                }
            }

            String header(String name) {
                return raw.headers().firstValue(name).orElse(null);
            }
        }

        private final HttpClient http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(2))
                .build();
        private final String base;
        private final String token;

        Client(String base, String token) {
            this.base = base;
            this.token = token;
        }

        Reply get(String path) {
            return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
        }

        Reply post(String path, String body, String idempotencyKey) {
            var request = HttpRequest.newBuilder(URI.create(base + path))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body));
            if (idempotencyKey != null) {
                request.header("Idempotency-Key", idempotencyKey);
            }
            return send(request);
        }

        private Reply send(HttpRequest.Builder request) {
            if (token != null) {
                request.header("Authorization", "Bearer " + token);
            }
            try {
                var response = http.send(request.timeout(Duration.ofSeconds(30)).build(),
                        HttpResponse.BodyHandlers.ofString());
                return new Reply(response.statusCode(), response.body(), response);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
