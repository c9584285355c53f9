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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.queuedesk.common.Role;
import org.queuedesk.common.auth.CreateUserRequest;
import org.queuedesk.common.queue.NextRequest;
import org.queuedesk.common.queue.NextResult;
import org.queuedesk.common.queue.OpenSessionRequest;
import org.queuedesk.common.queue.SessionDto;
import org.queuedesk.common.ticket.IssueTicketRequest;
import org.queuedesk.common.ticket.Priority;
import org.queuedesk.common.ticket.TicketDto;
import org.queuedesk.server.testing.Api;
import org.queuedesk.server.testing.MutableClock;
import org.queuedesk.server.testing.NamedUsersAuthenticator;
import org.queuedesk.server.testing.RunningServer;

/**
 * 50 doctors, each signed in as themselves, press Next at once on overlapping services until 2,000 tickets
 * are all called; a tenth of the tickets are assigned to one of the doctors serving their service. Every
 * Next says which patient it expects to finish ({@code expectedCurrentTicketId}), and now and then a doctor
 * double-clicks (the same Next twice at once) or presses Next on another doctor's session. The check replays
 * the recorded history: each call must have taken the head of that session's combined queue at that moment
 * (assigned tickets only for their doctor), so a lost update, a double call, a skipped patient, a call of
 * another doctor's patient or a wrong order anywhere fails it.
 */
class NextConcurrencyIT {

    private static final int TICKETS = 2_000;
    private static final int DOCTORS = 50;

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-23T09:00:00Z"));
    @RegisterExtension
    final RunningServer server = RunningServer.namedUsers().withClock(clock);
    private Api admin;

    @BeforeEach
    void start() {
        admin = server.api().withToken(NamedUsersAuthenticator.token("boss", Role.ADMIN, Role.RECEPTIONIST));
    }

    record Call(long eventId, long ticketId, long roomId) {
    }

    private static String doctorName(int d) {
        return "doctor-" + d;
    }

    @Test
    void fiftyDoctorsNeverCallTheSameTicketNorSkipOneNorCallAnotherDoctorsPatientAndAlwaysTakeTheHead()
            throws Exception {
        long site = admin.createSite("Concurrency Clinic", "UTC").id();
        List<Long> services = new ArrayList<>();
        for (String prefix : List.of("A", "B", "C", "D")) {
            services.add(admin.createService(site, "Service " + prefix, prefix).id());
        }
        // overlapping sessions: each doctor serves two or three of the four services
        Map<Integer, List<Long>> servicesOf = new HashMap<>();
        for (int d = 0; d < DOCTORS; d++) {
            var mine = new ArrayList<>(services);
            java.util.Collections.rotate(mine, d);
            servicesOf.put(d, List.copyOf(mine.subList(0, 2 + d % 2)));
            admin.post("/api/users", new CreateUserRequest(doctorName(d), "long-enough-pass", List.of(Role.DOCTOR)))
                    .as(org.queuedesk.common.auth.UserDto.class);
        }
        var random = new Random(42);
        Map<Long, TicketDto> issued = new HashMap<>();
        for (int i = 0; i < TICKETS; i++) {
            var priority = Priority.values()[random.nextInt(10) < 7 ? 3 : random.nextInt(3)];
            long service = services.get(random.nextInt(services.size()));
            String assigned = null;
            if (random.nextInt(10) == 0) {
                List<Integer> serving = servicesOf.entrySet().stream().filter(e -> e.getValue().contains(service))
                        .map(Map.Entry::getKey).sorted().toList();
                assigned = doctorName(serving.get(random.nextInt(serving.size())));
            }
            var ticket = admin.issue(new IssueTicketRequest(service, priority, null, null, null, assigned));
            issued.put(ticket.id(), ticket);
            clock.advance(Duration.ofMillis(random.nextInt(3))); // ties on arrival time happen too
        }
        Map<Long, String> doctorOfRoom = new HashMap<>();
        Map<Long, Set<Long>> servicesByRoom = new HashMap<>();
        List<Long> sessionIds = new ArrayList<>();
        List<Api> doctors = new ArrayList<>();
        for (int d = 0; d < DOCTORS; d++) {
            long room = admin.createRoom(site, "Room " + d).id();
            servicesByRoom.put(room, Set.copyOf(servicesOf.get(d)));
            doctorOfRoom.put(room, doctorName(d));
            var doctor = server.api().withToken(NamedUsersAuthenticator.token(doctorName(d), Role.DOCTOR));
            doctors.add(doctor);
            // in the doctor's own name: the request names nobody
            sessionIds.add(doctor.post("/api/sessions", new OpenSessionRequest(room, servicesOf.get(d), null))
                    .as(SessionDto.class).id());
        }

        ExecutorService pool = Executors.newFixedThreadPool(DOCTORS);
        ExecutorService clicks = Executors.newFixedThreadPool(DOCTORS * 2);
        var go = new CountDownLatch(1);
        Map<Long, Long> calledBy = new ConcurrentHashMap<>();
        List<Future<int[]>> results = new ArrayList<>();
        for (int d = 0; d < DOCTORS; d++) {
            long sessionId = sessionIds.get(d);
            Api doctor = doctors.get(d);
            long othersSession = sessionIds.get((d + 1) % DOCTORS);
            var mine = new Random(1000 + d);
            results.add(pool.submit(() -> {
                go.await();
                int calls = 0;
                int doubleClicks = 0;
                long current = 0; // nobody yet
                while (true) {
                    if (mine.nextInt(10) == 0) {
                        var foreign = doctor.post("/api/sessions/" + othersSession + "/next", new NextRequest(0L));
                        assertThat(foreign.status()).as("Next on another doctor's session: " + foreign.body()).isEqualTo(403);
                    }
                    var click = new NextRequest(current);
                    String path = "/api/sessions/" + sessionId + "/next";
                    NextResult result;
                    if (mine.nextInt(5) == 0) {
                        doubleClicks++;
                        var first = CompletableFuture.supplyAsync(() -> doctor.post(path, click), clicks);
                        var second = CompletableFuture.supplyAsync(() -> doctor.post(path, click), clicks);
                        var answers = List.of(first.get(60, TimeUnit.SECONDS), second.get(60, TimeUnit.SECONDS));
                        var accepted = answers.stream().filter(a -> a.status() == 200).toList();
                        if (accepted.size() == 2) {
                            // only when neither changed anything: no patient to finish and nobody left to call
                            assertThat(current).as("both clicks of a double click went through").isZero();
                            assertThat(accepted).allSatisfy(a -> assertThat(a.as(NextResult.class).called()).isNull());
                        } else {
                            assertThat(accepted).as("exactly one of a double click goes through: %s", answers).hasSize(1);
                            var refused = answers.stream().filter(a -> a.status() != 200).findFirst().orElseThrow();
                            assertThat(refused.status()).as(refused.body()).isEqualTo(409);
                            assertThat(refused.json().path("currentState").asText()).as(refused.body()).isNotBlank();
                        }
                        result = accepted.get(0).as(NextResult.class);
                    } else {
                        result = doctor.post(path, click).as(NextResult.class);
                    }
                    // the patient finished is the one this doctor was seeing: nobody skipped unseen
                    assertThat(result.finished() == null ? 0L : result.finished().id())
                            .as("Next finished the patient the doctor expected").isEqualTo(current);
                    if (result.called() == null) {
                        return new int[] {calls, doubleClicks};
                    }
                    Long previous = calledBy.putIfAbsent(result.called().id(), sessionId);
                    assertThat(previous).as("ticket %s called twice", result.called().number()).isNull();
                    current = result.called().id();
                    calls++;
                }
            }));
        }
        go.countDown();
        int total = 0;
        int doubleClicks = 0;
        for (var result : results) {
            int[] counts = result.get(180, TimeUnit.SECONDS);
            total += counts[0];
            doubleClicks += counts[1];
        }
        pool.shutdown();
        clicks.shutdown();

        assertThat(total).isEqualTo(TICKETS);
        assertThat(doubleClicks).isPositive();
        assertThat(calledBy.keySet()).isEqualTo(issued.keySet());

        List<Call> calls = server.server().database().read(h -> h.createQuery(
                        "SELECT id, ticket_id, room_id FROM ticket_events WHERE action = 'call' ORDER BY id")
                .map((rs, ctx) -> new Call(rs.getLong(1), rs.getLong(2), rs.getLong(3)))
                .list());
        assertThat(calls).hasSize(TICKETS);
        assertThat(calls.stream().map(Call::ticketId).distinct().count()).isEqualTo(TICKETS);
        long assignedCount = issued.values().stream().filter(t -> t.assignedDoctor() != null).count();
        assertThat(assignedCount).as("assigned tickets in the mix").isGreaterThan(100);

        // replay: at each call, the called ticket was the best waiting one among the session's services that
        // is not assigned to another doctor
        Comparator<TicketDto> queueOrder = Comparator.comparingInt((TicketDto t) -> t.priority().rank())
                .thenComparing(TicketDto::queuedAt).thenComparingLong(TicketDto::id);
        var waiting = new java.util.TreeSet<>(queueOrder);
        waiting.addAll(issued.values());
        for (Call call : calls) {
            var served = servicesByRoom.get(call.roomId());
            String doctor = doctorOfRoom.get(call.roomId());
            TicketDto head = waiting.stream().filter(t -> served.contains(t.serviceId()))
                    .filter(t -> t.assignedDoctor() == null || t.assignedDoctor().equals(doctor))
                    .findFirst().orElseThrow();
            assertThat(head.id()).as("call %d in room %d took the head of its queue", call.eventId(), call.roomId())
                    .isEqualTo(call.ticketId());
            TicketDto called = issued.get(call.ticketId());
            if (called.assignedDoctor() != null) {
                assertThat(doctor).as("%s is assigned to %s", called.number(), called.assignedDoctor())
                        .isEqualTo(called.assignedDoctor());
            }
            waiting.remove(called);
        }
        assertThat(waiting).isEmpty();
    }
}
