package org.queuedesk.server.queue;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.queuedesk.common.queue.NextResult;
import org.queuedesk.common.ticket.IssueTicketRequest;
import org.queuedesk.server.testing.Api;
import org.queuedesk.server.testing.RunningServer;

/**
 * How many statements the single writer (SQLite) or a write's own transaction (PostgreSQL) runs for an issue and
 * for a Next, the two requests every desk makes all day: the writer's time is mostly per statement, so a feature that adds one to this path shows here and
 * has to say why (README, "Throughput"). Counted by the server's own {@code queuedesk_writer_statements_total};
 * each request is measured alone a few times and the least taken, so a timer's write that happens to land in
 * the same window does not count.
 */
class HotPathStatementsIT {

    private static final Pattern STATEMENTS = Pattern.compile("^queuedesk_writer_statements_total(?:\\{[^}]*})? (\\S+)$",
            Pattern.MULTILINE);

    @RegisterExtension
    final RunningServer server = RunningServer.openAccess();

    /**
     * Written out from the code path, one line per statement (warm: the site, the service and the site's event
     * number already known to the writer, as after the day's first request).
     */
    private static final List<String> ISSUE = List.of(
            "idempotency key: look up",
            "ticket counter: bump and return the number (INSERT ... ON CONFLICT ... RETURNING)",
            "ticket: insert (RETURNING the row)",
            "ticket history: insert the issue",
            "event log: insert ticket.issued",
            "status link: insert the ticket's token",
            "idempotency key: store the answer",
            "site: store the last event number (once per commit)");

    /** A Next that finishes the session's current patient and calls the next (the service texts "almost your turn" at 3). */
    private static final List<String> NEXT = List.of(
            "idempotency key: look up",
            "session: read it with its room and site",
            "ticket: the session's current one",
            "ticket: update to done",
            "ticket history: insert done",
            "event log: insert ticket.done",
            "ticket: the head of the session's queue",
            "ticket: update to called",
            "ticket history: insert the call",
            "event log: insert ticket.called",
            "almost your turn: the first 3 waiting at the service (none has a phone: nothing more)",
            "idempotency key: store the answer",
            "site: store the last event number (once per commit)");

    /**
     * On PostgreSQL (written out from the code path the same way): each write is a transaction of its own, so the
     * service and site are read in each, the site's row gives each event its number (the transaction's first also
     * carries the commit's notification), a Next locks the site's row and its tickets, and nothing is stored once
     * per commit.
     */
    private static final List<String> ISSUE_POSTGRESQL = List.of(
            "idempotency key: look up",
            "service: read (remembered within a transaction only)",
            "site: read its time zone",
            "ticket counter: bump and return the number (INSERT ... ON CONFLICT ... RETURNING)",
            "ticket: insert (RETURNING the row)",
            "ticket history: insert the issue",
            "site: take the event number, with the commit's notification (UPDATE ... RETURNING, pg_notify)",
            "event log: insert ticket.issued",
            "status link: insert the ticket's token",
            "idempotency key: store the answer");

    private static final List<String> NEXT_POSTGRESQL = List.of(
            "idempotency key: look up",
            "session: read it with its room and site",
            "ticket: the session's current one (FOR UPDATE)",
            "site: lock its row (the site's Nexts one at a time from here)",
            "ticket: update to done",
            "ticket history: insert done",
            "site: take the event number, with the commit's notification",
            "event log: insert ticket.done",
            "session: its services (remembered within a transaction only)",
            "ticket: the head of the session's queue",
            "ticket: update to called",
            "ticket history: insert the call",
            "site: take the next event number",
            "event log: insert ticket.called",
            "service: read its almost-your-turn position (remembered within a transaction only)",
            "almost your turn: the first 3 waiting at the service (none has a phone: nothing more)",
            "idempotency key: store the answer");

    @Test
    void anIssueAndANextRunTheStatementsListedHereAndNoMore() {
        boolean postgres = org.queuedesk.server.testing.TestStore.postgres();
        List<String> issueList = postgres ? ISSUE_POSTGRESQL : ISSUE;
        List<String> nextList = postgres ? NEXT_POSTGRESQL : NEXT;
        Api api = server.api();
        long site = api.createSite("Statements Clinic", "UTC").id();
        long service = api.createService(site, "General", "A").id();
        long room = api.createRoom(site, "Room 1").id();
        long session = api.openSession(room, List.of(service), "dr-one").id();
        String issueBody = "{\"serviceId\":" + service + "}";
        // warm: the writer now knows the site, the service and the event number; the session has a current patient
        for (int i = 0; i < 3; i++) {
            assertThat(api.post("/api/tickets", issueBody, UUID.randomUUID().toString()).status()).isEqualTo(201);
        }
        assertThat(api.post("/api/sessions/" + session + "/next", null, UUID.randomUUID().toString()).as(NextResult.class)
                .called()).isNotNull();

        long issue = fewest(api, () -> api.post("/api/tickets", issueBody, UUID.randomUUID().toString()).status(), 201);
        long next = fewest(api, () -> {
            var response = api.post("/api/sessions/" + session + "/next", null, UUID.randomUUID().toString());
            var result = response.as(NextResult.class);
            // each measured Next both finishes a patient and calls one, as listed
            return result.finished() != null && result.called() != null ? response.status() : -1;
        }, 200);

        assertThat(issue).as("statements per issue: %s", issueList).isEqualTo(issueList.size());
        assertThat(next).as("statements per Next: %s", nextList).isEqualTo(nextList.size());
    }

    /** The fewest statements one request took over a few tries (each issue adds a ticket the Next then calls). */
    private static long fewest(Api api, Supplier<Integer> request, int expectedStatus) {
        long fewest = Long.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            long before = statements(api);
            assertThat(request.get()).isEqualTo(expectedStatus);
            fewest = Math.min(fewest, statements(api) - before);
        }
        return fewest;
    }

    private static long statements(Api api) {
        var m = STATEMENTS.matcher(api.get("/metrics").body());
        assertThat(m.find()).as("queuedesk_writer_statements_total on /metrics").isTrue();
        return (long) Double.parseDouble(m.group(1));
    }
}
