package org.queuedesk.server.alert;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.queuedesk.common.Role;
import org.queuedesk.server.app.QueueServer;
import org.queuedesk.server.app.ServerConfig;
import org.queuedesk.server.ground.Authenticator;
import org.queuedesk.server.ground.Principal;
import org.queuedesk.server.notify.FakeSnsServer;
import org.queuedesk.server.notify.SmsTestServer;
import org.queuedesk.server.testing.Api;
import org.queuedesk.server.testing.MutableClock;
import org.queuedesk.server.testing.TestServer;

/**
 * Alerts end to end with a clock the test moves (README, "Alerts"): the oldest wait rises medium, high,
 * critical at the README's default thresholds (20/30/45 min); hovering around a threshold changes nothing; it
 * clears only after 60 s below 80 % of its tier's threshold; acknowledging is idempotent and audited; staff see
 * every change on the stream and a display none; a critical alert reaches the SNS test server's topic, retried
 * when SNS fails.
 */
class AlertsIT {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final String TOPIC = "arn:aws:sns:eu-west-1:123456789012:clinic-on-call";
    private static final String DISPLAY_TOKEN = "lobby-tv";
    private static final String RECEPTIONIST = "anna";

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-23T09:00:00Z"));
    private final FakeSnsServer sns = FakeSnsServer.start();
    private final List<Stream> streams = new ArrayList<>();
    private QueueServer server;
    private Api api;

    @BeforeEach
    void start() {
        Authenticator authenticator = token -> Optional.of(DISPLAY_TOKEN.equals(token)
                ? new Principal(DISPLAY_TOKEN, EnumSet.of(Role.DISPLAY))
                : RECEPTIONIST.equals(token) ? new Principal(RECEPTIONIST, EnumSet.of(Role.RECEPTIONIST))
                : new Principal("desk", EnumSet.of(Role.ADMIN, Role.RECEPTIONIST, Role.DOCTOR)));
        var alerts = AlertSettings.parse(TOPIC)
                .withPublisher(new SnsTopicPublisher(SmsTestServer.snsClient(sns, Duration.ofSeconds(2)), TOPIC));
        server = new QueueServer(org.queuedesk.server.testing.TestStore.apply(ServerConfig.forTests(TestServer.freshDir()).withAlerts(alerts)), clock, authenticator)
                .start();
        api = new Api(server.baseUrl());
    }

    @AfterEach
    void stop() {
        streams.forEach(s -> s.socket.abort());
        server.close();
        sns.close();
    }

    @Test
    void theOldestWaitRisesThroughTheTiersAndClearsOnlyAfterTheHoldWithoutFlapping() throws Exception {
        long site = api.createSite("Hold Clinic", "UTC").id();
        long service = api.createService(site, "General", "G").id();
        long room = api.createRoom(site, "Room 1").id();
        onlyOldestWait(site);
        var staff = connect(site, null);
        var display = connect(site, DISPLAY_TOKEN);

        api.issue(service);                          // A at 09:00
        clock.advance(Duration.ofMinutes(2));
        api.issue(service);                          // B at 09:02
        check();
        assertThat(openAlerts(site)).isEmpty();

        at("09:20:00");
        assertThat(only(openAlerts(site)).path("tier").asText()).isEqualTo("medium");
        assertThat(only(openAlerts(site)).path("threshold").asInt()).as("the tier's threshold, set above").isEqualTo(20);
        at("09:30:00");
        assertThat(only(openAlerts(site)).path("tier").asText()).isEqualTo("high");
        assertThat(only(openAlerts(site)).path("threshold").asInt()).isEqualTo(30);

        sns.failNext(1, FakeSnsServer.Fault.SERVER_ERROR); // the first publish fails: the outbox tries again
        at("09:45:00");
        var critical = only(openAlerts(site));
        assertThat(critical.path("tier").asText()).isEqualTo("critical");
        assertThat(critical.path("rule").asText()).isEqualTo("oldest_wait");
        assertThat(critical.path("subject").asText()).isEqualTo("General");
        assertThat(critical.path("threshold").asInt()).isEqualTo(45);
        assertThat(sns.topicMessages()).isEmpty();
        clock.advance(AlertNotifier.FIRST_RETRY);
        check();
        assertThat(sns.topicMessages()).singleElement().satisfies(m -> {
            assertThat(m.topicArn()).isEqualTo(TOPIC);
            assertThat(m.message()).contains("General", "oldest ticket waiting 45 min", "critical from 45");
        });

        // A is called at 09:46:30: the oldest (B) has waited 44.5 min, under 45 but above its bound (36)
        long session = api.openSession(room, List.of(service), "Dr Ada").id();
        at("09:46:30");
        api.next(session);
        check();
        at("09:47:30");                              // B back over 45
        assertThat(only(openAlerts(site)).path("tier").asText()).isEqualTo("critical");

        api.next(session);                           // nobody waits any more: the hold starts now
        check();
        at("09:48:29");
        assertThat(only(openAlerts(site)).path("tier").asText()).as("59 s below").isEqualTo("critical");
        at("09:48:30");
        assertThat(openAlerts(site)).as("60 s below: cleared").isEmpty();

        staff.awaitSeq(lastSeq(site));
        assertThat(staff.types().stream().filter(t -> t.startsWith("alert.")).toList())
                .containsExactly("alert.raised", "alert.escalated", "alert.escalated", "alert.cleared");
        display.awaitTypes(t -> t.equals("ticket.called"), 2);
        assertThat(display.types()).as("a display gets ticket events but never an alert")
                .contains("ticket.issued").noneMatch(t -> t.startsWith("alert."));
        assertThat(sns.topicMessages()).as("one notification, sent once").hasSize(1);
    }

    @Test
    void aChangeRaisesAtOnceAndAcknowledgingIsIdempotentAuditedAndStreamed() throws Exception {
        long site = api.createSite("Ack Clinic", "UTC").id();
        long service = api.createService(site, "Lab", "L").id();
        var rules = put("/api/sites/" + site + "/alert-rules", """
                {"holdSeconds":60,"oldestWaitMinutes":{},"waitingCount":{"medium":2,"high":4},
                 "waitingWithoutSession":{},"smsFailurePercent":{},"smsMinFailures":3,"printerProblemMinutes":{}}""");
        assertThat(rules.status()).as(rules.body()).isEqualTo(200);
        var staff = connect(site, null);

        api.issue(service);
        api.issue(service);
        // no check by the test and the clock stands still: the issue's commit makes the evaluation
        FakeSnsServer.await(WAIT, "an alert raised by the change", () -> !openAlerts(site).isEmpty());
        long id = only(openAlerts(site)).path("id").asLong();
        assertThat(only(openAlerts(site)).path("tier").asText()).isEqualTo("medium");

        var desk = api.withToken(RECEPTIONIST);
        var first = desk.post("/api/alerts/" + id + "/acknowledge", null);
        assertThat(first.status()).as(first.body()).isEqualTo(200);
        assertThat(first.json().path("acknowledgedBy").asText()).isEqualTo(RECEPTIONIST);
        clock.advance(Duration.ofSeconds(5));
        var again = desk.post("/api/alerts/" + id + "/acknowledge", null);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().path("acknowledgedAt")).isEqualTo(first.json().path("acknowledgedAt"));
        assertThat(api.withToken(DISPLAY_TOKEN).post("/api/alerts/" + id + "/acknowledge", null).status())
                .isEqualTo(403);
        assertThat(api.post("/api/alerts/999999/acknowledge", null).status()).isEqualTo(404);

        var audit = api.get("/api/audit").json();
        var acks = new ArrayList<JsonNode>();
        audit.forEach(entry -> {
            if (entry.path("action").asText().equals("alert.acknowledged")) {
                acks.add(entry);
            }
        });
        assertThat(acks).singleElement().satisfies(entry -> {
            assertThat(entry.path("actor").asText()).isEqualTo(RECEPTIONIST);
            assertThat(entry.path("subject").asText()).isEqualTo("alert " + id);
        });

        // an escalation asks again: the acknowledgement is gone
        api.issue(service);
        api.issue(service);
        FakeSnsServer.await(WAIT, "the escalation", () -> only(openAlerts(site)).path("tier").asText().equals("high"));
        assertThat(only(openAlerts(site)).path("acknowledgedAt").isNull()).isTrue();
        staff.awaitSeq(lastSeq(site));
        assertThat(staff.types().stream().filter(t -> t.startsWith("alert.")).toList())
                .containsExactly("alert.raised", "alert.acknowledged", "alert.escalated");
        assertThat(sns.topicMessages()).as("only critical alerts go to the topic").isEmpty();
    }

    /** README, "Alerts": a service's own thresholds, else its site's; each service is judged by its own. */
    @Test
    void aServiceWithItsOwnThresholdsIsJudgedByThemAndTheOthersByTheSites() {
        long site = api.createSite("Rules Clinic", "UTC").id();
        long lab = api.createService(site, "Lab", "L").id();
        long xray = api.createService(site, "X-ray", "X").id();
        long vaccines = api.createService(site, "Vaccines", "V").id();
        var siteRules = put("/api/sites/" + site + "/alert-rules", """
                {"holdSeconds":60,"oldestWaitMinutes":{},"waitingCount":{"medium":3},"waitingWithoutSession":{},
                 "smsFailurePercent":{},"smsMinFailures":3,"printerProblemMinutes":{}}""");
        assertThat(siteRules.status()).as(siteRules.body()).isEqualTo(200);
        var labRules = put("/api/services/" + lab + "/alert-rules", """
                {"holdSeconds":60,"oldestWaitMinutes":{},"waitingCount":{"medium":2,"high":6},"waitingWithoutSession":{},
                 "smsFailurePercent":{},"smsMinFailures":3,"printerProblemMinutes":{}}""");
        assertThat(labRules.status()).as(labRules.body()).isEqualTo(200);
        var xrayRules = put("/api/services/" + xray + "/alert-rules", """
                {"holdSeconds":60,"oldestWaitMinutes":{},"waitingCount":{"medium":9},"waitingWithoutSession":{},
                 "smsFailurePercent":{},"smsMinFailures":3,"printerProblemMinutes":{}}""");
        assertThat(xrayRules.status()).as(xrayRules.body()).isEqualTo(200);
        for (long service : List.of(lab, lab, xray, xray, xray, vaccines, vaccines, vaccines)) {
            api.issue(service);
        }
        check();
        // Lab: 2 waiting against its own medium 2; X-ray: 3 against its own 9; Vaccines: 3 against the site's 3
        assertThat(openAlerts(site)).extracting(a -> a.path("subject").asText() + " " + a.path("tier").asText())
                .containsExactlyInAnyOrder("Lab medium", "Vaccines medium");
    }

    private void onlyOldestWait(long site) {
        var put = put("/api/sites/" + site + "/alert-rules", """
                {"holdSeconds":60,"oldestWaitMinutes":{"medium":20,"high":30,"critical":45},"waitingCount":{},
                 "waitingWithoutSession":{},"smsFailurePercent":{},"smsMinFailures":3,"printerProblemMinutes":{}}""");
        assertThat(put.status()).as(put.body()).isEqualTo(200);
    }

    private Api.Response put(String path, String json) {
        return api.send(java.net.http.HttpRequest.newBuilder(URI.create(api.baseUrl() + path))
                .header("Content-Type", "application/json").PUT(java.net.http.HttpRequest.BodyPublishers.ofString(json)));
    }

    private void at(String time) {
        clock.set(Instant.parse("2026-11-23T" + time + "Z"));
        check();
    }

    private void check() {
        server.alerts().evaluator().checkNow();
    }

    private List<JsonNode> openAlerts(long site) {
        var list = new ArrayList<JsonNode>();
        api.get("/api/sites/" + site + "/alerts").json().forEach(list::add);
        return list;
    }

    private static JsonNode only(List<JsonNode> alerts) {
        assertThat(alerts).hasSize(1);
        return alerts.get(0);
    }

    private long lastSeq(long site) {
        return api.get("/api/sites/" + site + "/queue-status").json().path("lastEventSeq").asLong();
    }

    private Stream connect(long site, String token) throws Exception {
        var stream = new Stream();
        var uri = URI.create("ws://127.0.0.1:" + server.port() + "/api/sites/" + site + "/events?since=0&v=2"
                + (token == null ? "" : "&access_token=" + token));
        stream.socket = HttpClient.newHttpClient().newWebSocketBuilder().buildAsync(uri, stream)
                .get(WAIT.toSeconds(), TimeUnit.SECONDS);
        streams.add(stream);
        return stream;
    }

    /** A stream client that keeps the events it receives. */
    private static final class Stream implements WebSocket.Listener {
        final List<JsonNode> events = new CopyOnWriteArrayList<>();
        private final StringBuilder partial = new StringBuilder();
        volatile WebSocket socket;

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                try {
                    events.add(Api.JSON.readTree(partial.toString()));
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
                partial.setLength(0);
            }
            webSocket.request(1);
            return null;
        }

        List<String> types() {
            return events.stream().map(e -> e.path("type").asText()).toList();
        }

        void awaitSeq(long seq) {
            FakeSnsServer.await(WAIT, "event " + seq, () -> events.stream().anyMatch(e -> e.path("seq").asLong() >= seq));
        }

        void awaitTypes(java.util.function.Predicate<String> type, int count) {
            FakeSnsServer.await(WAIT, count + " events", () -> types().stream().filter(type).count() >= count);
        }
    }
}
