package org.queuedesk.server.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.queuedesk.server.testing.Api;
import org.queuedesk.server.testing.MutableClock;
import org.queuedesk.server.testing.TestServer;

/** The operators' contract: health, metrics, the OpenAPI document and problem+json for every error. */
class ServerContractIT {

    private static TestServer server;
    private static Api api;

    @BeforeAll
    static void start() {
        server = TestServer.startDemo(new MutableClock(Instant.parse("2026-11-23T09:00:00Z")));
        api = server.api();
    }

    @AfterAll
    static void stop() {
        server.close();
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
}
