package org.queuedesk.server.queue;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.queuedesk.common.Role;
import org.queuedesk.common.queue.NextRequest;
import org.queuedesk.common.queue.NextResult;
import org.queuedesk.common.queue.OpenSessionRequest;
import org.queuedesk.common.queue.SessionDto;
import org.queuedesk.common.ticket.TicketDto;
import org.queuedesk.server.testing.Api;
import org.queuedesk.server.testing.NamedUsersAuthenticator;
import org.queuedesk.server.testing.RunningServer;

/**
 * On PostgreSQL there is no single writer: each request is a transaction of its own, side by side. Four
 * receptionists issue 500 tickets at once, then 16 desks on the one service press Next at once until the queue
 * is empty. Every ticket number must be given once (A-001 … A-500, counted by the database), and every ticket
 * called exactly once: never twice (two Nexts taking one head), never skipped.
 */
class PostgresNextIT {

    private static final int TICKETS = 500;
    private static final int DESKS = 16;
    private static final int RECEPTIONISTS = 4;

    @RegisterExtension
    final RunningServer server = RunningServer.namedUsersOnPostgres();

    /** A request sent again at once (a retry racing the first): one ticket, the same answer to both. */
    @Test
    void concurrentRequestsWithOneIdempotencyKeyIssueOneTicket() throws Exception {
        Api admin = server.api().withToken(NamedUsersAuthenticator.token("boss", Role.ADMIN, Role.RECEPTIONIST));
        long site = admin.createSite("Retry Clinic", "UTC").id();
        long service = admin.createService(site, "General", "A").id();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            var go = new CountDownLatch(1);
            List<Future<Api.Response>> sent = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                sent.add(pool.submit(() -> {
                    go.await();
                    return admin.post("/api/tickets", new org.queuedesk.common.ticket.IssueTicketRequest(service, null,
                            null, null, null, null), "same-key-1");
                }));
            }
            go.countDown();
            List<Api.Response> answers = new ArrayList<>();
            for (var answer : sent) {
                answers.add(answer.get(1, TimeUnit.MINUTES));
            }
            assertThat(answers).allSatisfy(a -> assertThat(a.status()).as(a.body()).isEqualTo(201));
            assertThat(answers.stream().map(a -> a.as(TicketDto.class).id()).distinct()).hasSize(1);
            var tickets = admin.get("/api/services/" + service + "/tickets")
                    .as(new com.fasterxml.jackson.core.type.TypeReference<List<TicketDto>>() { });
            assertThat(tickets).extracting(TicketDto::number).containsExactly("A-001");
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void sixteenDesksCallEachOfFiveHundredTicketsExactlyOnce() throws Exception {
        Api admin = server.api().withToken(NamedUsersAuthenticator.token("boss", Role.ADMIN, Role.RECEPTIONIST));
        long site = admin.createSite("Concurrent Clinic", "UTC").id();
        long service = admin.createService(site, "General", "A").id();

        ExecutorService pool = Executors.newFixedThreadPool(DESKS);
        try {
            List<Future<List<TicketDto>>> issuing = new ArrayList<>();
            for (int r = 0; r < RECEPTIONISTS; r++) {
                issuing.add(pool.submit(() -> IntStream.range(0, TICKETS / RECEPTIONISTS)
                        .mapToObj(i -> admin.issue(service)).toList()));
            }
            List<TicketDto> issued = new ArrayList<>();
            for (var batch : issuing) {
                issued.addAll(batch.get(2, TimeUnit.MINUTES));
            }
            Set<String> expectedNumbers = IntStream.rangeClosed(1, TICKETS).mapToObj(n -> String.format("A-%03d", n))
                    .collect(Collectors.toSet());
            assertThat(issued.stream().map(TicketDto::number).collect(Collectors.toSet()))
                    .as("each number given once").hasSize(TICKETS).isEqualTo(expectedNumbers);

            List<Long> sessions = new ArrayList<>();
            List<Api> desks = new ArrayList<>();
            for (int d = 0; d < DESKS; d++) {
                long room = admin.createRoom(site, "Room " + d).id();
                var desk = server.api().withToken(NamedUsersAuthenticator.token("doctor-" + d, Role.DOCTOR));
                desks.add(desk);
                sessions.add(desk.post("/api/sessions", new OpenSessionRequest(room, List.of(service), null))
                        .as(SessionDto.class).id());
            }
            var go = new CountDownLatch(1);
            List<Long> called = Collections.synchronizedList(new ArrayList<>());
            List<Future<Integer>> pressing = new ArrayList<>();
            for (int d = 0; d < DESKS; d++) {
                Api desk = desks.get(d);
                String path = "/api/sessions/" + sessions.get(d) + "/next";
                pressing.add(pool.submit(() -> {
                    go.await();
                    long current = 0;
                    int calls = 0;
                    while (true) {
                        var response = desk.post(path, new NextRequest(current));
                        assertThat(response.status()).as(response.body()).isEqualTo(200);
                        var result = response.as(NextResult.class);
                        if (result.called() == null) {
                            return calls;
                        }
                        called.add(result.called().id());
                        current = result.called().id();
                        calls++;
                    }
                }));
            }
            go.countDown();
            int calls = 0;
            for (var desk : pressing) {
                calls += desk.get(5, TimeUnit.MINUTES);
            }
            assertThat(calls).isEqualTo(TICKETS);
            assertThat(called).as("no ticket called twice").doesNotHaveDuplicates()
                    .containsExactlyInAnyOrderElementsOf(issued.stream().map(TicketDto::id).toList());
        } finally {
            pool.shutdownNow();
        }
    }
}
