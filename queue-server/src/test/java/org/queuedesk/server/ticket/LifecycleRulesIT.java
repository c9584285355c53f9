package org.queuedesk.server.ticket;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;
import org.queuedesk.common.ticket.ChangePriorityRequest;
import org.queuedesk.common.ticket.Priority;
import org.queuedesk.common.ticket.TicketState;
import org.queuedesk.common.ticket.TransferRequest;
import org.queuedesk.server.testing.Api;
import org.queuedesk.server.testing.MutableClock;
import org.queuedesk.server.testing.RunningServer;

/**
 * The lifecycle rules the README states, checked against the table in
 * {@code lifecycle/rules.csv}: each row brings a ticket to a state on its own service and room, pauses the
 * session or not, tries one action and compares the answer and the ticket's state afterwards.
 */
class LifecycleRulesIT {

    private static final MutableClock clock = new MutableClock(Instant.parse("2026-11-23T09:00:00Z"));
    @RegisterExtension
    static final RunningServer server = RunningServer.openAccess().withClock(clock);
    private static Api api;
    private static long site;
    /** Where transfers go: a service nobody serves. */
    private static long elsewhere;
    private static int rows;

    @BeforeAll
    static void start() {
        api = server.api();
        site = api.createSite("Rules Clinic", "UTC").id();
        elsewhere = api.createService(site, "Elsewhere", "Z").id();
    }

    @ParameterizedTest(name = "{0} (paused {1}) + {2} -> {3}, {4}")
    @CsvFileSource(resources = "/lifecycle/rules.csv")
    void eachActionIsAllowedOrRefusedAsTheTableSays(String state, boolean paused, String action, int status, String after) {
        rows++;
        String prefix = "R" + (char) ('A' + rows / 26 % 26) + (char) ('A' + rows % 26);
        long service = api.createService(site, "Service " + prefix, prefix).id();
        long room = api.createRoom(site, "Room " + prefix).id();
        long session = api.openSession(room, List.of(service), "dr").id();
        long ticket = api.issue(service).id();
        bringTo(state, ticket, session);
        assertThat(api.ticket(ticket).state().wireName()).as("set-up").isEqualTo(state);
        if (paused) {
            ok("/api/sessions/" + session + "/pause", null);
        }

        clock.advance(Duration.ofSeconds(1));
        var answer = switch (action) {
            case "next", "recall", "serve", "done", "no-show", "close" ->
                    api.post("/api/sessions/" + session + "/" + action, null);
            case "requeue", "cancel" -> api.post("/api/tickets/" + ticket + "/" + action, null);
            case "priority" -> api.post("/api/tickets/" + ticket + "/priority", new ChangePriorityRequest(Priority.EMERGENCY));
            case "transfer" -> api.post("/api/tickets/" + ticket + "/transfer", new TransferRequest(elsewhere, false));
            default -> throw new IllegalArgumentException("unknown action in the table: " + action);
        };

        assertThat(answer.status()).as(answer.body()).isEqualTo(status);
        if (status == 409) {
            assertThat(answer.contentType()).startsWith("application/problem+json");
            assertThat(answer.json().path("currentState").asText()).as("409 names the state: " + answer.body()).isNotBlank();
        }
        assertThat(api.ticket(ticket).state()).isEqualTo(TicketState.fromWire(after));
    }

    private static void bringTo(String state, long ticket, long session) {
        switch (state) {
            case "waiting" -> { }
            case "called" -> ok("/api/sessions/" + session + "/next", null);
            case "serving" -> {
                ok("/api/sessions/" + session + "/next", null);
                ok("/api/sessions/" + session + "/serve", null);
            }
            case "no_show" -> {
                ok("/api/sessions/" + session + "/next", null);
                ok("/api/sessions/" + session + "/no-show", null);
            }
            case "done" -> {
                ok("/api/sessions/" + session + "/next", null);
                ok("/api/sessions/" + session + "/done", null);
            }
            case "cancelled" -> ok("/api/tickets/" + ticket + "/cancel", null);
            case "expired" -> { // left waiting when its day ends: the next day, the day's end expires it
                clock.advance(Duration.ofDays(1));
                assertThat(server.server().dayEnd().run()).isPositive();
            }
            default -> throw new IllegalArgumentException("unknown state in the table: " + state);
        }
    }

    private static void ok(String path, Object body) {
        clock.advance(Duration.ofSeconds(1));
        var answer = api.post(path, body);
        assertThat(answer.status()).as(path + " -> " + answer.body()).isLessThan(300);
    }
}
