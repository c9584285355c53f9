package org.queuedesk.server.queue;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.queuedesk.common.ticket.IssueTicketRequest;
import org.queuedesk.server.testing.Api;
import org.queuedesk.server.testing.MutableClock;
import org.queuedesk.server.testing.RunningServer;

/**
 * Where patients and reception see a wait (README "Wait estimates"): the status page and reception's queue
 * overview carry point and range, "unknown" (null) while no open session serves the service, and before any
 * measured time the estimate starts from the service's default minutes per patient, which an admin sets.
 */
class WaitEstimateIT {

    static final MutableClock clock = new MutableClock(Instant.parse("2026-03-02T09:00:00Z"));

    @RegisterExtension
    final RunningServer server = RunningServer.demoWithSignIn().withClock(clock);

    @Test
    void theWaitIsUnknownWithoutARoomThenStartsFromTheAdminsDefault() {
        Api admin = server.api().signedInAs("admin", "admin");
        Api doctor = server.api().signedInAs("doctor", "doctor");
        assertThat(put(admin, "/api/services/1/default-service-minutes", Map.of("minutes", 20)).json())
                .isEqualTo(Api.JSON.valueToTree(Map.of("serviceId", 1, "defaultServiceMinutes", 20)));

        long first = admin.issue(new IssueTicketRequest(1L, null, null, null, "+34612345678", null)).id();
        long second = admin.issue(new IssueTicketRequest(1L, null, null, null, "+34612345679", null)).id();
        // no session serves service 1 yet: no honest number
        assertThat(status(admin, second).get("waitMinutes").isNull()).isTrue();
        assertThat(status(admin, second).get("waitMinMinutes").isNull()).isTrue();
        assertThat(serviceQueue(admin, 1).get("waitMinutes").isNull()).isTrue();

        long session = doctor.openSession(1, List.of(1L), null).id();
        assertThat(doctor.next(session).called().id()).isEqualTo(first);
        clock.advance(Duration.ofMinutes(1));
        JsonNode wait = status(admin, second);
        int point = wait.get("waitMinutes").asInt();
        // one patient with the doctor for a minute, nobody else ahead: the rest of a ~20-minute consultation
        assertThat(point).isBetween(10, 30);
        assertThat(wait.get("waitMinMinutes").asInt()).isLessThanOrEqualTo(point);
        assertThat(wait.get("waitMaxMinutes").asInt()).isGreaterThanOrEqualTo(point);
        // a newcomer at reception's overview waits behind that one too: about two consultations
        assertThat(serviceQueue(admin, 1).get("waitMinutes").asInt()).isBetween(25, 50);

        // the admin says consultations here take twice as long: the estimate follows
        put(admin, "/api/services/1/default-service-minutes", Map.of("minutes", 40));
        assertThat(status(admin, second).get("waitMinutes").asInt()).isGreaterThanOrEqualTo((int) (point * 1.5));
    }

    @Test
    void defaultMinutesAreAnAdminsAndMustBeSensible() {
        Api admin = server.api().signedInAs("admin", "admin");
        var zero = put(admin, "/api/services/1/default-service-minutes", Map.of("minutes", 0));
        assertThat(zero.status()).isEqualTo(400);
        assertThat(zero.contentType()).startsWith("application/problem+json");
        assertThat(zero.json().at("/errors/minutes").toString()).contains("between 1 and 240");
        var unknown = put(admin, "/api/services/999/default-service-minutes", Map.of("minutes", 10));
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.json().get("detail").asText()).contains("no service 999");
        assertThat(put(server.api().signedInAs("reception", "reception"), "/api/services/1/default-service-minutes",
                Map.of("minutes", 10)).status()).isEqualTo(403);
    }

    private static Api.Response put(Api api, String path, Object body) {
        return api.send(HttpRequest.newBuilder(URI.create(api.baseUrl() + path))
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(Api.JSON.valueToTree(body).toString())));
    }

    private static JsonNode status(Api staff, long ticketId) {
        String url = staff.get("/api/tickets/" + ticketId + "/status-link").json().get("url").asText();
        return staff.get(URI.create(url).getPath() + "/status").json();
    }

    private static JsonNode serviceQueue(Api staff, long serviceId) {
        for (JsonNode service : staff.get("/api/sites/1/queue-status").json().get("services")) {
            if (service.get("serviceId").asLong() == serviceId) {
                return service;
            }
        }
        throw new AssertionError("no service " + serviceId + " in the queue status");
    }
}
