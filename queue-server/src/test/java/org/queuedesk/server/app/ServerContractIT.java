package org.queuedesk.server.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.queuedesk.server.testing.Api;
import org.queuedesk.server.testing.MutableClock;
import org.queuedesk.server.testing.RunningServer;
import org.queuedesk.server.testing.TestServer;

/** The operators' contract: health, metrics, the OpenAPI document and problem+json for every error. */
class ServerContractIT {

    @RegisterExtension
    static final RunningServer server =
            RunningServer.demo().withClock(new MutableClock(Instant.parse("2026-11-23T09:00:00Z")));
    private static Api api;

    @BeforeAll
    static void start() {
        api = server.api();
    }

    @Test
    void healthReportsTheDatabaseAndSchemaVersion() {
        var health = api.get("/health");
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.json().get("database").asText()).isEqualTo("UP");
        assertThat(health.json().get("schemaVersion").asText()).isNotEqualTo("none");
    }

    @Test
    void theDemoHasOneSiteWithThreeServicesAndFourRooms() {
        assertThat(api.get("/api/sites").json().size()).isEqualTo(1);
        assertThat(api.get("/api/sites/1/services").json().size()).isEqualTo(3);
        assertThat(api.get("/api/sites/1/rooms").json().size()).isEqualTo(4);
    }

    @Test
    void metricsArePrometheusTextWithRequestLatenciesAndQueueLengths() {
        api.issue(1);
        var metrics = api.get("/metrics");
        assertThat(metrics.status()).isEqualTo(200);
        assertThat(metrics.contentType()).startsWith("text/plain");
        assertThat(metrics.body()).contains("http_server_requests_seconds_count")
                .contains("queuedesk_queue_waiting{service=\"A\",site=\"1\"}")
                .contains("queuedesk_events_sent_total");
    }

    @Test
    void theOpenApiDocumentListsEveryRouteWithItsRoles() {
        var doc = api.get("/openapi.json").json();
        assertThat(doc.get("openapi").asText()).startsWith("3.");
        var paths = doc.get("paths");
        assertThat(paths.has("/api/sessions/{sessionId}/next")).isTrue();
        assertThat(paths.get("/api/tickets").get("post").get("x-roles").toString()).contains("receptionist");
        assertThat(doc.get("components").get("schemas").has("TicketDto")).isTrue();
        paths.fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(op ->
                assertThat(op.getValue().get("x-roles").size()).as(path.getKey()).isPositive()));
    }

    @Test
    void unknownRoutesAndWrongMethodsAnswerWithProblemJson() {
        var missing = api.get("/api/nothing-here");
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.contentType()).startsWith("application/problem+json");
        assertThat(missing.json().get("status").asInt()).isEqualTo(404);

        var badId = api.get("/api/tickets/abc");
        assertThat(badId.status()).isEqualTo(400);
        assertThat(badId.json().get("detail").asText()).contains("ticketId");

        var unknown = api.get("/api/tickets/999999");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.json().get("detail").asText()).contains("999999");
    }

    @Test
    void anInvalidPhoneNumberIsRefusedNamingTheField() {
        var response = api.post("/api/tickets", "{\"serviceId\":1,\"phone\":\"12345\"}");
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("errors").has("phone")).isTrue();
    }

    /** What Jetty refuses before any route runs is problem+json too, never its HTML page. */
    @Test
    void errorsTheContainerAnswersItselfAreProblemJson() throws Exception {
        var nul = api.get("/api/sites%00");
        assertThat(nul.status()).isEqualTo(400);
        assertThat(nul.contentType()).startsWith("application/problem+json");
        assertThat(nul.json().get("detail").asText()).contains("%00");

        var malformed = raw("GET /health HTTP/1.1\r\nHost: x\r\nBad Header: x\r\nConnection: close\r\n\r\n");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.contentType()).startsWith("application/problem+json");
        assertThat(malformed.json().get("status").asInt()).isEqualTo(400);

        var hugeHeader = api.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(server.baseUrl() + "/health"))
                .header("X-Padding", "a".repeat(20_000)));
        assertThat(hugeHeader.status()).isEqualTo(431);
        assertThat(hugeHeader.contentType()).startsWith("application/problem+json");
        assertThat(hugeHeader.json().get("detail").asText()).contains("headers are too large");

        var longUrl = api.get("/" + "a".repeat(10_000));
        assertThat(longUrl.status()).isEqualTo(414);
        assertThat(longUrl.contentType()).startsWith("application/problem+json");

        // announced too large, body held back: the server must refuse from the Content-Length alone. (Sending the
        // 70 kB lets the server answer and close while the client still writes, and the client may then see only
        // a reset connection instead of the answer: a race, not a refusal.)
        var tooLarge = raw("POST /api/tickets HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                + "Content-Length: 70000\r\nConnection: close\r\n\r\n{\"serviceId\":1");
        assertThat(tooLarge.status()).isEqualTo(413);
        assertThat(tooLarge.contentType()).startsWith("application/problem+json");

        // on a fresh connection: Jetty closes a connection after the refusals above, and the JDK client retries a
        // request that meets a closed pooled connection only for GET and HEAD (a DELETE would see "no bytes")
        var wrongMethod = new org.queuedesk.server.testing.Api(server.baseUrl())
                .send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(server.baseUrl() + "/health")).DELETE());
        assertThat(wrongMethod.status()).isEqualTo(405);
        assertThat(wrongMethod.contentType()).startsWith("application/problem+json");
        assertThat(wrongMethod.json().get("detail").asText()).contains("DELETE").contains("/openapi.json");

        var noRoute = api.get("/api/nothing-here");
        assertThat(noRoute.json().get("detail").asText()).contains("/openapi.json");

        var noSocket = raw(upgrade("/api/nowhere/events"));
        assertThat(noSocket.status()).isEqualTo(404);
        assertThat(noSocket.contentType()).startsWith("application/problem+json");
        assertThat(noSocket.json().get("status").asInt()).isEqualTo(404);
    }

    /** A refused WebSocket upgrade says why, like any other refusal (it had an empty body). */
    @Test
    void aRefusedWebSocketUpgradeCarriesAProblemBody() throws Exception {
        try (var signedIn = TestServer.startDemoWithSignIn(new MutableClock(Instant.parse("2026-11-23T09:00:00Z")))) {
            var noToken = raw(signedIn.port(), upgrade("/api/sites/1/events"));
            assertThat(noToken.status()).isEqualTo(401);
            assertThat(noToken.contentType()).startsWith("application/problem+json");
            assertThat(noToken.json().get("detail").asText()).contains("Sign in");

            var otherSite = raw(signedIn.port(), upgrade("/api/sites/2/events?access_token="
                    + org.queuedesk.server.auth.Auth.DEMO_DISPLAY_TOKEN));
            assertThat(otherSite.status()).isEqualTo(403);
            assertThat(otherSite.json().get("detail").asText()).contains("another site");
        }
    }

    /** The status page's event stream without 'Accept: text/event-stream' was an empty 200. */
    @Test
    void theStatusPagesEventStreamWithoutAcceptingEventsIs406() throws Exception {
        long ticket = api.issue(1).id();
        String url = api.get("/api/tickets/" + ticket + "/status-link").json().get("url").asText();
        String path = java.net.URI.create(url).getPath() + "/events";

        var plain = api.get(path);
        assertThat(plain.status()).isEqualTo(406);
        assertThat(plain.contentType()).startsWith("application/problem+json");
        assertThat(plain.json().get("detail").asText()).contains("Accept: text/event-stream");

        var events = api.http().send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(server.baseUrl() + path))
                .header("Accept", "text/event-stream").build(), java.net.http.HttpResponse.BodyHandlers.ofInputStream());
        try (var body = events.body()) {
            assertThat(events.statusCode()).isEqualTo(200);
            assertThat(events.headers().firstValue("Content-Type").orElse("")).startsWith("text/event-stream");
        }
    }

    private static String upgrade(String path) {
        return "GET " + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: Upgrade\r\nUpgrade: websocket\r\n"
                + "Sec-WebSocket-Version: 13\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n\r\n";
    }

    private static Api.Response raw(String request) throws java.io.IOException {
        return raw(server.port(), request);
    }

    /** One request over a plain socket (what HttpClient will not send), read up to its Content-Length. */
    private static Api.Response raw(int port, String request) throws java.io.IOException {
        try (var socket = new java.net.Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(request.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
            var in = new java.io.DataInputStream(new java.io.BufferedInputStream(socket.getInputStream()));
            var head = new StringBuilder();
            while (!head.toString().endsWith("\r\n\r\n")) {
                head.append((char) in.readUnsignedByte());
            }
            var lines = head.toString().split("\r\n");
            int status = Integer.parseInt(lines[0].split(" ")[1]);
            String type = "";
            int length = 0;
            for (String line : lines) {
                String lower = line.toLowerCase(java.util.Locale.ROOT);
                if (lower.startsWith("content-type:")) {
                    type = line.substring(13).strip();
                } else if (lower.startsWith("content-length:")) {
                    length = Integer.parseInt(line.substring(15).strip());
                }
            }
            byte[] body = new byte[length];
            in.readFully(body);
            return new Api.Response(status, type, new String(body, java.nio.charset.StandardCharsets.UTF_8));
        }
    }
}
