package org.queuedesk.server.ticket;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.queuedesk.common.ticket.TicketDto;
import org.queuedesk.common.ticket.TicketState;
import org.queuedesk.server.testing.Api;
import org.queuedesk.server.testing.MutableClock;
import org.queuedesk.server.testing.RunningServer;

/**
 * README, Lifecycle: at a site's local midnight every ticket of the day ended that is still open (waiting,
 * called, serving, no-show) expires, with its own state, in its history and on the stream; finished ones
 * stay as they are. Madrid is UTC+1 in November: its day ends at 23:00 UTC, while a UTC site's day goes on.
 */
class DayEndIT {

    private static final MutableClock clock = new MutableClock(Instant.parse("2026-11-23T21:00:00Z"));
    @RegisterExtension
    static final RunningServer server = RunningServer.openAccess().withClock(clock);

    @Test
    void aNonUtcSitesOpenTicketsExpireAtItsOwnMidnightAndFinishedOnesStay() {
        Api api = server.api();
        long madrid = api.createSite("Madrid Clinic", "Europe/Madrid").id();
        long service = api.createService(madrid, "General practice", "A").id();
        long room1 = api.createRoom(madrid, "Room 1").id();
        long room2 = api.createRoom(madrid, "Room 2").id();
        long london = api.createSite("UTC Clinic", "UTC").id();
        long utcService = api.createService(london, "General practice", "L").id();

        var tickets = new ArrayList<TicketDto>();
        for (int i = 0; i < 6; i++) {
            tickets.add(api.issue(service));
        }
        long s1 = api.openSession(room1, List.of(service), "dr.one").id();
        long s2 = api.openSession(room2, List.of(service), "dr.two").id();
        api.next(s1);                                                          // A-001 called
        ok(api, "/api/sessions/" + s1 + "/serve");                            // A-001 serving
        api.next(s2);                                                          // A-002 called
        api.next(s2);                                                          // A-002 done, A-003 called
        ok(api, "/api/sessions/" + s2 + "/no-show");                          // A-003 no-show
        ok(api, "/api/tickets/" + tickets.get(4).id() + "/cancel");           // A-005 cancelled
        long utcWaiting = api.issue(utcService).id();                         // and L-001 wait

        clock.set(Instant.parse("2026-11-23T22:59:59Z")); // 23:59:59 in Madrid: the day is not over
        assertThat(server.server().dayEnd().run()).isZero();

        clock.set(Instant.parse("2026-11-23T23:00:01Z")); // 00:00:01 on the 24th in Madrid; still the 23rd in UTC
        int expired = server.server().dayEnd().inBatchesOf(2).run();

        assertThat(expired).isEqualTo(4);
        assertThat(tickets.stream().map(t -> api.ticket(t.id()).state()).toList()).containsExactly(
                TicketState.EXPIRED, TicketState.DONE, TicketState.EXPIRED, TicketState.EXPIRED,
                TicketState.CANCELLED, TicketState.EXPIRED);
        assertThat(api.ticket(utcWaiting).state()).as("the UTC site's day is not over").isEqualTo(TicketState.WAITING);

        // in the history, from the state it was left in, by the server
        JsonNode history = api.get("/api/tickets/" + tickets.get(0).id() + "/history").json();
        JsonNode last = history.get(history.size() - 1);
        assertThat(last.path("action").asText()).isEqualTo("expire");
        assertThat(last.path("fromState").asText()).isEqualTo("serving");
        assertThat(last.path("toState").asText()).isEqualTo("expired");
        assertThat(last.path("actor").asText()).isEqualTo("system");

        // in the day's list (what a report of the 23rd reads), and gone from the doctor's desk
        JsonNode day = api.get("/api/services/" + service + "/tickets?date=2026-11-23").json();
        assertThat(day).extracting(t -> t.path("number").asText() + " " + t.path("state").asText())
                .containsExactlyInAnyOrder("A-001 expired", "A-002 done", "A-003 expired", "A-004 expired",
                        "A-005 cancelled", "A-006 expired");
        assertThat(api.post("/api/sessions/" + s1 + "/done", null).status()).as("no current patient any more")
                .isEqualTo(409);

        // on the stream: one ticket.expired per ticket, in the site's event log
        List<String> types = server.server().database().read(h -> h.createQuery(
                "SELECT type FROM events WHERE site_id = :s ORDER BY seq").bind("s", madrid).mapTo(String.class).list());
        assertThat(types.stream().filter("ticket.expired"::equals).count()).isEqualTo(4);

        // a second run finds nothing; the next day starts at 001
        assertThat(server.server().dayEnd().run()).isZero();
        assertThat(api.issue(service).number()).isEqualTo("A-001");
    }

    private static void ok(Api api, String path) {
        var answer = api.post(path, null);
        assertThat(answer.status()).as(path + " -> " + answer.body()).isLessThan(300);
    }
}
