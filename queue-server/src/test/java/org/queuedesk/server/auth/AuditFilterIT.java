package org.queuedesk.server.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.queuedesk.common.Role;
import org.queuedesk.common.auth.CreateUserRequest;
import org.queuedesk.server.testing.Api;
import org.queuedesk.server.testing.MutableClock;
import org.queuedesk.server.testing.RunningServer;

/**
 * The audit log filtered and paged on the server (README "Audit log"): actor exact, action exact or its family,
 * from included and to not, newest first, {@code before} the last id of the previous page.
 */
class AuditFilterIT {

    private static final Instant SIGN_IN = Instant.parse("2026-11-23T08:00:00Z");
    private static final Instant CREATED = SIGN_IN.plus(Duration.ofHours(1));
    private static final Instant DISABLED = CREATED.plus(Duration.ofHours(1));
    private final MutableClock clock = new MutableClock(SIGN_IN);
    @RegisterExtension
    final RunningServer server = RunningServer.demoWithSignIn().withClock(clock);

    @Test
    void theServerFiltersByWhoWhatAndWhenAndPagesNewestFirst() {
        Api admin = server.api().signedInAs("admin", "admin");
        clock.advance(Duration.between(SIGN_IN, CREATED));
        admin = server.api().signedInAs("admin", "admin"); // access tokens last minutes, not hours
        for (String name : List.of("ursula", "valentin", "wanda")) {
            assertThat(admin.post("/api/users", new CreateUserRequest(name, "a long enough password",
                    List.of(Role.RECEPTIONIST))).status()).isEqualTo(201);
        }
        clock.advance(Duration.between(CREATED, DISABLED));
        admin = server.api().signedInAs("admin", "admin");
        assertThat(admin.post("/api/users/ursula/disable", null).status()).isEqualTo(200);

        assertThat(lines(admin, "actor=admin&action=user")).containsExactly(
                "user.disabled ursula", "user.created wanda", "user.created valentin", "user.created ursula");
        assertThat(lines(admin, "actor=admin&action=user.created&from=" + CREATED + "&to=" + DISABLED))
                .containsExactly("user.created wanda", "user.created valentin", "user.created ursula");
        assertThat(lines(admin, "actor=admin&to=" + CREATED)).as("to is not included").containsExactly("sign-in admin");
        assertThat(lines(admin, "actor=nobody")).isEmpty();

        JsonNode firstPage = admin.get("/api/audit?actor=admin&action=user&limit=2").json();
        assertThat(text(firstPage)).containsExactly("user.disabled ursula", "user.created wanda");
        long last = firstPage.get(1).get("id").asLong();
        assertThat(lines(admin, "actor=admin&action=user&limit=2&before=" + last))
                .containsExactly("user.created valentin", "user.created ursula");

        var bad = admin.get("/api/audit?limit=0");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.contentType()).startsWith("application/problem+json");
        assertThat(bad.json().get("errors").get("limit").asText()).isEqualTo("use a whole number from 1 to 1000.");
    }

    private static List<String> lines(Api api, String query) {
        var response = api.get("/api/audit?" + query);
        assertThat(response.status()).as(query).isEqualTo(200);
        return text(response.json());
    }

    private static List<String> text(JsonNode entries) {
        var lines = new ArrayList<String>();
        entries.forEach(e -> lines.add(e.get("action").asText() + " " + e.get("subject").asText()));
        return lines;
    }
}
