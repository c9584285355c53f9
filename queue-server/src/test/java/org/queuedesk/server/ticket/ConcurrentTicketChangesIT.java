package org.queuedesk.server.ticket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.core.type.TypeReference;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.queuedesk.common.ticket.ChangePriorityRequest;
import org.queuedesk.common.ticket.Priority;
import org.queuedesk.common.ticket.TicketDto;
import org.queuedesk.common.ticket.TicketEventDto;
import org.queuedesk.common.ticket.TicketState;
import org.queuedesk.common.ticket.TransferRequest;
import org.queuedesk.server.testing.Api;
import org.queuedesk.server.testing.RunningServer;

/**
 * Two people change one ticket at the same moment (a receptionist raises its priority while a doctor transfers it,
 * two transfers, a cancel against a change, a recall or no-show against a transfer). Whatever the store, the
 * outcome must be that of the two requests run one after the other: each acknowledged change is in the ticket's
 * history once, the final ticket is what those changes in the history's order make of it, and a refused one is
 * a 409 problem+json that the other change explains. On PostgreSQL (a transaction per request, no single writer)
 * a change that read the ticket before the other committed once overwrote it: a lost priority or transfer.
 * The expected outcomes come from the lifecycle table of the README ("Ticket lifecycle"), modelled in {@link Op}.
 */
class ConcurrentTicketChangesIT {

    private static final int ROUNDS = 4;
    private static final int WAITING_PAIRS = 25;
    private static final int CALLED_PAIRS = 6;

    @RegisterExtension
    final RunningServer server = RunningServer.openAccess();

    private long serviceA;
    private long serviceB;
    private long serviceC;

    /** A change a test sends, and what the README's lifecycle makes of it (empty: refused). */
    private enum Op {
        PRIORITY, TRANSFER_B, TRANSFER_C, CANCEL, RECALL, SERVE, DONE, NO_SHOW
    }

    /** What of a ticket the changes above touch. */
    private record Model(TicketState state, long serviceId, Priority priority, int recalls) {
        static Model of(TicketDto t) {
            return new Model(t.state(), t.serviceId(), t.priority(), t.recallCount());
        }
    }

    private Optional<Model> apply(Model m, Op op) {
        return switch (op) {
            case PRIORITY -> when(m, EnumSet.of(TicketState.WAITING),
                    new Model(m.state(), m.serviceId(), Priority.EMERGENCY, m.recalls()));
            case TRANSFER_B, TRANSFER_C -> {
                long to = op == Op.TRANSFER_B ? serviceB : serviceC;
                yield to == m.serviceId() ? Optional.empty() : when(m,
                        EnumSet.of(TicketState.WAITING, TicketState.CALLED, TicketState.SERVING),
                        new Model(TicketState.WAITING, to, m.priority(), 0));
            }
            case CANCEL -> when(m, EnumSet.of(TicketState.WAITING, TicketState.NO_SHOW),
                    new Model(TicketState.CANCELLED, m.serviceId(), m.priority(), m.recalls()));
            case RECALL -> when(m, EnumSet.of(TicketState.CALLED),
                    new Model(m.state(), m.serviceId(), m.priority(), m.recalls() + 1));
            case SERVE -> when(m, EnumSet.of(TicketState.CALLED),
                    new Model(TicketState.SERVING, m.serviceId(), m.priority(), m.recalls()));
            case DONE -> when(m, EnumSet.of(TicketState.CALLED, TicketState.SERVING),
                    new Model(TicketState.DONE, m.serviceId(), m.priority(), m.recalls()));
            case NO_SHOW -> when(m, EnumSet.of(TicketState.CALLED),
                    new Model(TicketState.NO_SHOW, m.serviceId(), m.priority(), m.recalls()));
        };
    }

    private static Optional<Model> when(Model m, Set<TicketState> from, Model next) {
        return from.contains(m.state()) ? Optional.of(next) : Optional.empty();
    }

    private static final List<List<Op>> WAITING = List.of(
            List.of(Op.PRIORITY, Op.TRANSFER_B), List.of(Op.TRANSFER_B, Op.TRANSFER_C), List.of(Op.CANCEL, Op.PRIORITY),
            List.of(Op.CANCEL, Op.TRANSFER_C), List.of(Op.TRANSFER_C, Op.PRIORITY));
    private static final List<List<Op>> CALLED = List.of(
            List.of(Op.RECALL, Op.TRANSFER_B), List.of(Op.NO_SHOW, Op.TRANSFER_C), List.of(Op.DONE, Op.TRANSFER_B),
            List.of(Op.SERVE, Op.TRANSFER_C), List.of(Op.RECALL, Op.NO_SHOW), List.of(Op.TRANSFER_B, Op.RECALL));

    /** One ticket, its two changes and their answers. */
    private record Pair(TicketDto before, Long sessionId, List<Op> ops, List<Api.Response> answers) {
    }

    @Test
    void twoChangesToOneTicketAtOnceEndAsIfMadeOneAfterTheOther() throws Exception {
        Api api = server.api();
        long site = api.createSite("Crowded Clinic", "UTC").id();
        serviceA = api.createService(site, "General", "A").id();
        serviceB = api.createService(site, "Lab", "B").id();
        serviceC = api.createService(site, "X-ray", "C").id();
        long serviceD = api.createService(site, "Doctor", "D").id();
        List<Long> sessions = new ArrayList<>();
        for (int d = 0; d < CALLED_PAIRS; d++) {
            long room = api.createRoom(site, "Room " + d).id();
            sessions.add(api.openSession(room, List.of(serviceD), "dr-" + d).id());
        }
        ExecutorService pool = Executors.newFixedThreadPool(2 * (WAITING_PAIRS + CALLED_PAIRS));
        try {
            for (int round = 0; round < ROUNDS; round++) {
                List<Pair> pairs = new ArrayList<>();
                for (int i = 0; i < WAITING_PAIRS; i++) {
                    pairs.add(new Pair(api.issue(serviceA), null, WAITING.get((i + round) % WAITING.size()),
                            new ArrayList<>()));
                }
                for (int d = 0; d < CALLED_PAIRS; d++) {
                    api.issue(serviceD);
                    TicketDto called = api.next(sessions.get(d)).called();
                    assertThat(called).as("session %s calls a ticket", d).isNotNull();
                    pairs.add(new Pair(called, sessions.get(d), CALLED.get((d + round) % CALLED.size()), new ArrayList<>()));
                }
                var go = new CountDownLatch(1);
                List<List<Future<Api.Response>>> sent = new ArrayList<>();
                for (Pair pair : pairs) {
                    List<Future<Api.Response>> both = new ArrayList<>();
                    for (Op op : pair.ops()) {
                        both.add(pool.submit(() -> {
                            go.await();
                            return send(api, pair, op);
                        }));
                    }
                    sent.add(both);
                }
                go.countDown();
                for (int i = 0; i < pairs.size(); i++) {
                    for (var answer : sent.get(i)) {
                        pairs.get(i).answers().add(answer.get(1, TimeUnit.MINUTES));
                    }
                }
                for (Pair pair : pairs) {
                    check(api, pair);
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private Api.Response send(Api api, Pair pair, Op op) {
        long id = pair.before().id();
        return switch (op) {
            case PRIORITY -> api.post("/api/tickets/" + id + "/priority", new ChangePriorityRequest(Priority.EMERGENCY));
            case TRANSFER_B -> api.post("/api/tickets/" + id + "/transfer", new TransferRequest(serviceB, false));
            case TRANSFER_C -> api.post("/api/tickets/" + id + "/transfer", new TransferRequest(serviceC, false));
            case CANCEL -> api.post("/api/tickets/" + id + "/cancel", null);
            case RECALL -> api.post("/api/sessions/" + pair.sessionId() + "/recall", null);
            case SERVE -> api.post("/api/sessions/" + pair.sessionId() + "/serve", null);
            case DONE -> api.post("/api/sessions/" + pair.sessionId() + "/done", null);
            case NO_SHOW -> api.post("/api/sessions/" + pair.sessionId() + "/no-show", null);
        };
    }

    private void check(Api api, Pair pair) {
        TicketDto before = pair.before();
        String what = "ticket " + before.number() + " (" + before.state().wireName() + ") under " + pair.ops()
                + " answered " + pair.answers().stream().map(Api.Response::status).toList();
        List<Op> acknowledged = new ArrayList<>();
        List<Op> refused = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            var answer = pair.answers().get(i);
            if (answer.status() == 200) {
                acknowledged.add(pair.ops().get(i));
            } else {
                assertThat(answer.status()).as(what + ": " + answer.body()).isEqualTo(409);
                assertThat(answer.contentType()).as(what).startsWith("application/problem+json");
                assertThat(answer.json().path("detail").asText()).as(what).isNotBlank();
                refused.add(pair.ops().get(i));
            }
        }
        var history = api.get("/api/tickets/" + before.id() + "/history").as(new TypeReference<List<TicketEventDto>>() { });
        int setUp = before.state() == TicketState.CALLED ? 2 : 1; // issued (and called)
        List<Op> order = changes(history.subList(setUp, history.size()), what);
        assertThat(order).as(what + ": every acknowledged change in the history once, nothing else; history " + history)
                .containsExactlyInAnyOrderElementsOf(acknowledged);

        Model model = Model.of(before);
        List<Model> states = new ArrayList<>(List.of(model));
        for (Op op : order) {
            Model from = model;
            model = apply(model, op).orElseThrow(() -> new AssertionError(what + ": " + op + " cannot follow " + from));
            states.add(model);
        }
        assertThat(Model.of(api.ticket(before.id()))).as(what + ": the ticket is what its history in order makes it")
                .isEqualTo(model);
        for (Op op : refused) {
            assertThat(states.stream().anyMatch(s -> apply(s, op).isEmpty()))
                    .as(what + ": " + op + " was refused, so some point of " + order + " must refuse it").isTrue();
        }
    }

    /** The changes a ticket's history shows, in order; a transfer is two rows (to "transferred", then to waiting). */
    private List<Op> changes(List<TicketEventDto> rows, String what) {
        List<Op> ops = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            var row = rows.get(i);
            switch (row.action()) {
                case "transfer" -> {
                    if (i + 1 >= rows.size() || !rows.get(i + 1).action().equals("transfer")
                            || row.toState() != TicketState.TRANSFERRED
                            || rows.get(i + 1).fromState() != TicketState.TRANSFERRED) {
                        fail(what + ": a transfer's two history rows are not together: " + rows);
                    }
                    long to = rows.get(++i).serviceId();
                    ops.add(to == serviceB ? Op.TRANSFER_B : Op.TRANSFER_C);
                }
                default -> ops.add(Map.of("change_priority", Op.PRIORITY, "cancel", Op.CANCEL, "recall", Op.RECALL,
                        "serve", Op.SERVE, "done", Op.DONE, "no_show", Op.NO_SHOW).get(row.action()));
            }
        }
        assertThat(ops).as(what + ": history " + rows).doesNotContainNull();
        return ops;
    }
}
