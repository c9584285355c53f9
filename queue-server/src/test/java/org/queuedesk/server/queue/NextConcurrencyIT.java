package org.queuedesk.server.queue;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.queuedesk.common.queue.NextResult;
import org.queuedesk.common.ticket.IssueTicketRequest;
import org.queuedesk.common.ticket.Priority;
import org.queuedesk.common.ticket.TicketDto;
import org.queuedesk.server.testing.Api;
import org.queuedesk.server.testing.MutableClock;
import org.queuedesk.server.testing.TestServer;

/**
 * 50 doctors press Next at once on overlapping services until 2,000 tickets are all called. The check
 * replays the recorded history: each call must have taken the head of that session's combined queue at
 * that moment, so a lost update, a double call or a wrong order anywhere fails it.
 */
class NextConcurrencyIT {

    private static final int TICKETS = 2_000;
    private static final int DOCTORS = 50;

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-23T09:00:00Z"));
    private TestServer server;
    private Api api;

    @BeforeEach
    void start() {
        server = TestServer.start(clock);
        api = server.api();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    record Call(long eventId, long ticketId, long roomId) {
    }

    @Test
    void fiftyDoctorsNeverCallTheSameTicketAndAlwaysTakeTheHeadOfTheirQueue() throws Exception {
        long site = api.createSite("Concurrency Clinic", "UTC").id();
        List<Long> services = new ArrayList<>();
        for (String prefix : List.of("A", "B", "C", "D")) {
            services.add(api.createService(site, "Service " + prefix, prefix).id());
        }
        var random = new Random(42);
        Map<Long, TicketDto> issued = new HashMap<>();
        for (int i = 0; i < TICKETS; i++) {
            var priority = Priority.values()[random.nextInt(10) < 7 ? 3 : random.nextInt(3)];
            long service = services.get(random.nextInt(services.size()));
            var ticket = api.issue(new IssueTicketRequest(service, priority, null, null, null, null));
            issued.put(ticket.id(), ticket);
            clock.advance(Duration.ofMillis(random.nextInt(3))); // ties on arrival time happen too
        }
        // overlapping sessions: each doctor serves two or three of the four services
        Map<Long, Set<Long>> servicesByRoom = new HashMap<>();
        List<Long> sessionIds = new ArrayList<>();
        for (int d = 0; d < DOCTORS; d++) {
            long room = api.createRoom(site, "Room " + d).id();
            var mine = new ArrayList<>(services);
            java.util.Collections.rotate(mine, d);
            var subset = mine.subList(0, 2 + d % 2);
            servicesByRoom.put(room, Set.copyOf(subset));
            sessionIds.add(api.openSession(room, List.copyOf(subset), "doctor-" + d).id());
        }

        ExecutorService pool = Executors.newFixedThreadPool(DOCTORS);
        var go = new CountDownLatch(1);
        Map<Long, Long> calledBy = new ConcurrentHashMap<>();
        List<Future<Integer>> results = new ArrayList<>();
        for (long sessionId : sessionIds) {
            results.add(pool.submit(() -> {
                go.await();
                int calls = 0;
                while (true) {
                    NextResult result = api.next(sessionId);
                    if (result.called() == null) {
                        return calls;
                    }
                    Long previous = calledBy.putIfAbsent(result.called().id(), sessionId);
                    assertThat(previous).as("ticket %s called twice", result.called().number()).isNull();
                    calls++;
                }
            }));
        }
        go.countDown();
        int total = 0;
        for (var result : results) {
            total += result.get(120, TimeUnit.SECONDS);
        }
        pool.shutdown();

        assertThat(total).isEqualTo(TICKETS);
        assertThat(calledBy.keySet()).isEqualTo(issued.keySet());

        List<Call> calls = server.server().database().read(h -> h.createQuery(
                        "SELECT id, ticket_id, room_id FROM ticket_events WHERE action = 'call' ORDER BY id")
                .map((rs, ctx) -> new Call(rs.getLong(1), rs.getLong(2), rs.getLong(3)))
                .list());
        assertThat(calls).hasSize(TICKETS);
        assertThat(calls.stream().map(Call::ticketId).distinct().count()).isEqualTo(TICKETS);

        // replay: at each call, the called ticket was the best waiting one among the session's services
        Comparator<TicketDto> queueOrder = Comparator.comparingInt((TicketDto t) -> t.priority().rank())
                .thenComparing(TicketDto::queuedAt).thenComparingLong(TicketDto::id);
        var waiting = new java.util.TreeSet<>(queueOrder);
        waiting.addAll(issued.values());
        for (Call call : calls) {
            var served = servicesByRoom.get(call.roomId());
            TicketDto head = waiting.stream().filter(t -> served.contains(t.serviceId())).findFirst().orElseThrow();
            assertThat(head.id()).as("call %d in room %d took the head of its queue", call.eventId(), call.roomId())
                    .isEqualTo(call.ticketId());
            waiting.remove(issued.get(call.ticketId()));
        }
        assertThat(waiting).isEmpty();
    }
}
