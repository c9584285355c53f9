package org.queuedesk.server.ticket;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.queuedesk.common.Role;
import org.queuedesk.common.auth.CreateUserRequest;
import org.queuedesk.common.queue.NextResult;
import org.queuedesk.common.queue.QueueStatusDto;
import org.queuedesk.common.ticket.ChangePriorityRequest;
import org.queuedesk.common.ticket.IssueTicketRequest;
import org.queuedesk.common.ticket.Priority;
import org.queuedesk.common.ticket.TicketDto;
import org.queuedesk.common.ticket.TicketEventDto;
import org.queuedesk.common.ticket.TicketState;
import org.queuedesk.common.ticket.TransferRequest;
import org.queuedesk.server.testing.Api;
import org.queuedesk.server.testing.MutableClock;
import org.queuedesk.server.testing.RunningServer;

class TicketLifecycleIT {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-23T09:00:00Z"));
    @RegisterExtension
    final RunningServer server = RunningServer.openAccess().withClock(clock);
    private Api api;
    private long site;
    private long gp;
    private long lab;
    private long room1;
    private long room2;

    @BeforeEach
    void start() {
        api = server.api();
        site = api.createSite("Lifecycle Clinic", "Europe/Madrid").id();
        gp = api.createService(site, "General practice", "A").id();
        lab = api.createService(site, "Blood tests", "B").id();
        room1 = api.createRoom(site, "Room 1").id();
        room2 = api.createRoom(site, "Room 2").id();
    }

    private TicketDto issue(long service, Priority priority) {
        clock.advance(Duration.ofSeconds(1));
        return api.issue(new IssueTicketRequest(service, priority, null, null, null, null));
    }

    private String post(String path) {
        return post(path, null);
    }

    private String post(String path, Object body) {
        clock.advance(Duration.ofSeconds(1));
        var response = api.post(path, body);
        assertThat(response.status()).as(path + " -> " + response.body()).isLessThan(300);
        return response.body();
    }

    @Test
    void aPatientGoesFromWaitingThroughCalledAndServingToDoneWithEveryStepInTheHistory() {
        var ticket = issue(gp, Priority.NORMAL);
        long session = api.openSession(room1, List.of(gp), "dr.ruiz").id();
        var next = api.next(session);
        assertThat(next.called().id()).isEqualTo(ticket.id());
        assertThat(next.called().roomId()).isEqualTo(room1);
        post("/api/sessions/" + session + "/recall");
        post("/api/sessions/" + session + "/serve");
        post("/api/sessions/" + session + "/done");

        var history = api.get("/api/tickets/" + ticket.id() + "/history").as(new TypeReference<List<TicketEventDto>>() {});
        assertThat(history).extracting(TicketEventDto::action)
                .containsExactly("issue", "call", "recall", "serve", "done");
        assertThat(history).extracting(TicketEventDto::toState).containsExactly(TicketState.WAITING,
                TicketState.CALLED, TicketState.CALLED, TicketState.SERVING, TicketState.DONE);
        assertThat(history).allSatisfy(e -> assertThat(e.actor()).isNotBlank());
        assertThat(history).extracting(TicketEventDto::at).isSorted();
        assertThat(api.ticket(ticket.id()).recallCount()).isEqualTo(1);
    }

    @Test
    void nextTakesPriorityClassesFirstThenArrival() {
        var normal1 = issue(gp, Priority.NORMAL);
        var normal2 = issue(lab, Priority.NORMAL);
        var urgent = issue(lab, Priority.EMERGENCY);
        var prio = issue(gp, Priority.PRIORITY);
        long session = api.openSession(room1, List.of(gp, lab), "dr").id();

        assertThat(List.of(api.next(session).called().id(), api.next(session).called().id(),
                api.next(session).called().id(), api.next(session).called().id()))
                .containsExactly(urgent.id(), prio.id(), normal1.id(), normal2.id());
        var empty = api.next(session);
        assertThat(empty.called()).isNull();
        assertThat(empty.finished().id()).isEqualTo(normal2.id());
    }

    @Test
    void aTicketAssignedToADoctorIsOnlyCalledByThatDoctor() {
        // an assignment names a user with the doctor role: only that signed-in doctor may call the ticket
        api.post("/api/users", new CreateUserRequest("dr.garcia", "long-enough-pass", List.of(Role.DOCTOR))).as(
                org.queuedesk.common.auth.UserDto.class);
        clock.advance(Duration.ofSeconds(1));
        var forGarcia = api.issue(new IssueTicketRequest(gp, Priority.APPOINTMENT, null, null, null, "dr.garcia"));
        var anyone = issue(gp, Priority.NORMAL);
        long ruiz = api.openSession(room1, List.of(gp), "dr.ruiz").id();
        long garcia = api.openSession(room2, List.of(gp), "dr.garcia").id();

        assertThat(api.next(ruiz).called().id()).isEqualTo(anyone.id());
        assertThat(api.next(ruiz).called()).isNull();
        assertThat(api.next(garcia).called().id()).isEqualTo(forGarcia.id());
    }

    @Test
    void illegalTransitionsAreRefusedWith409NamingTheCurrentState() {
        var ticket = issue(gp, Priority.NORMAL);
        long session = api.openSession(room1, List.of(gp), "dr").id();
        api.next(session);
        post("/api/sessions/" + session + "/done");

        var cancel = api.post("/api/tickets/" + ticket.id() + "/cancel", null);
        assertThat(cancel.status()).isEqualTo(409);
        assertThat(cancel.contentType()).startsWith("application/problem+json");
        assertThat(cancel.json().get("currentState").asText()).isEqualTo("done");
        assertThat(cancel.json().get("detail").asText()).contains(ticket.number()).contains("done");

        var recall = api.post("/api/sessions/" + session + "/recall", null);
        assertThat(recall.status()).isEqualTo(409);
        assertThat(api.ticket(ticket.id()).state()).isEqualTo(TicketState.DONE);
    }

    @Test
    void aNoShowCanBePutBackAndKeepsItsPlace() {
        var first = issue(gp, Priority.NORMAL);
        var second = issue(gp, Priority.NORMAL);
        long session = api.openSession(room1, List.of(gp), "dr").id();
        api.next(session);
        post("/api/sessions/" + session + "/no-show");
        assertThat(api.ticket(first.id()).state()).isEqualTo(TicketState.NO_SHOW);

        post("/api/tickets/" + first.id() + "/requeue");
        assertThat(api.next(session).called().id()).isEqualTo(first.id());
        assertThat(api.next(session).called().id()).isEqualTo(second.id());
    }

    @Test
    void aTransferKeepsTheNumberAndWithReturnComesBackToTheFirstService() {
        var ticket = issue(gp, Priority.NORMAL);
        long doctor = api.openSession(room1, List.of(gp), "dr").id();
        long nurse = api.openSession(room2, List.of(lab), "nurse").id();
        api.next(doctor);
        post("/api/sessions/" + doctor + "/serve");
        post("/api/tickets/" + ticket.id() + "/transfer", new TransferRequest(lab, true));

        var moved = api.ticket(ticket.id());
        assertThat(moved.number()).isEqualTo(ticket.number());
        assertThat(moved.serviceId()).isEqualTo(lab);
        assertThat(moved.state()).isEqualTo(TicketState.WAITING);
        assertThat(api.get("/api/sessions/" + doctor).json().get("currentTicketId").isNull()).isTrue();

        assertThat(api.next(nurse).called().number()).isEqualTo(ticket.number());
        post("/api/sessions/" + nurse + "/done");

        var back = api.ticket(ticket.id());
        assertThat(back.serviceId()).isEqualTo(gp);
        assertThat(back.state()).isEqualTo(TicketState.WAITING);
        assertThat(api.next(doctor).called().id()).isEqualTo(ticket.id());

        var history = api.get("/api/tickets/" + ticket.id() + "/history").as(new TypeReference<List<TicketEventDto>>() {});
        assertThat(history).extracting(TicketEventDto::action)
                .containsExactly("issue", "call", "serve", "transfer", "transfer", "call", "done", "return", "call");
        assertThat(history.get(3).toState()).isEqualTo(TicketState.TRANSFERRED);
    }

    /** The return "back to A" used to survive a transfer back to A without return. */
    @Test
    void aTransferWithoutReturnEndsAPendingReturnSoTheTicketIsNeverCalledTwice() {
        var ticket = issue(gp, Priority.NORMAL);
        long doctor = api.openSession(room1, List.of(gp), "dr").id();
        long nurse = api.openSession(room2, List.of(lab), "nurse").id();
        assertThat(api.next(doctor).called().id()).isEqualTo(ticket.id());
        post("/api/tickets/" + ticket.id() + "/transfer", new TransferRequest(lab, true));
        assertThat(api.next(nurse).called().id()).isEqualTo(ticket.id());
        post("/api/tickets/" + ticket.id() + "/transfer", new TransferRequest(gp, false));
        assertThat(api.ticket(ticket.id()).returnServiceId()).isNull();

        assertThat(api.next(doctor).called().id()).isEqualTo(ticket.id());
        post("/api/sessions/" + doctor + "/done");

        var finished = api.ticket(ticket.id());
        assertThat(finished.state()).isEqualTo(TicketState.DONE);
        assertThat(finished.serviceId()).isEqualTo(gp);
        assertThat(api.next(doctor).called()).isNull();
        assertThat(api.next(nurse).called()).isNull();
    }

    /** A nested transfer with return keeps the earlier return: it comes back through each service in turn. */
    @Test
    void nestedTransfersWithReturnComeBackThroughEachServiceInTurn() {
        long xray = api.createService(site, "X-ray", "C").id();
        long room3 = api.createRoom(site, "Room 3").id();
        var ticket = issue(gp, Priority.NORMAL);
        long doctor = api.openSession(room1, List.of(gp), "dr").id();
        long nurse = api.openSession(room2, List.of(lab), "nurse").id();
        long radiographer = api.openSession(room3, List.of(xray), "radiographer").id();

        api.next(doctor);
        post("/api/tickets/" + ticket.id() + "/transfer", new TransferRequest(lab, true));
        api.next(nurse);
        post("/api/tickets/" + ticket.id() + "/transfer", new TransferRequest(xray, true));
        assertThat(api.ticket(ticket.id()).returnServiceId()).isEqualTo(lab);

        assertThat(api.next(radiographer).called().id()).isEqualTo(ticket.id());
        post("/api/sessions/" + radiographer + "/done");
        var atLab = api.ticket(ticket.id());
        assertThat(atLab.serviceId()).isEqualTo(lab);
        assertThat(atLab.state()).isEqualTo(TicketState.WAITING);
        assertThat(atLab.returnServiceId()).isEqualTo(gp);

        assertThat(api.next(nurse).called().id()).isEqualTo(ticket.id());
        post("/api/sessions/" + nurse + "/done");
        var atGp = api.ticket(ticket.id());
        assertThat(atGp.serviceId()).isEqualTo(gp);
        assertThat(atGp.state()).isEqualTo(TicketState.WAITING);
        assertThat(atGp.returnServiceId()).isNull();

        assertThat(api.next(doctor).called().id()).isEqualTo(ticket.id());
        post("/api/sessions/" + doctor + "/done");
        assertThat(api.ticket(ticket.id()).state()).isEqualTo(TicketState.DONE);
        assertThat(api.next(doctor).called()).isNull();
        assertThat(api.next(nurse).called()).isNull();
        assertThat(api.next(radiographer).called()).isNull();
    }

    @Test
    void receptionCanCorrectPriorityAndCancelWhileWaiting() {
        var a = issue(gp, Priority.NORMAL);
        var b = issue(gp, Priority.NORMAL);
        post("/api/tickets/" + b.id() + "/priority", new ChangePriorityRequest(Priority.EMERGENCY));
        post("/api/tickets/" + a.id() + "/cancel");
        long session = api.openSession(room1, List.of(gp), "dr").id();
        assertThat(api.next(session).called().id()).isEqualTo(b.id());
        assertThat(api.next(session).called()).isNull();
    }

    @Test
    void queueStatusShowsWaitingCountsAndWhoIsInEachRoom() {
        issue(gp, Priority.NORMAL);
        issue(gp, Priority.NORMAL);
        var labTicket = issue(lab, Priority.NORMAL);
        long session = api.openSession(room2, List.of(lab), "nurse").id();
        NextResult next = api.next(session);
        assertThat(next.called().id()).isEqualTo(labTicket.id());

        var status = api.get("/api/sites/" + site + "/queue-status").as(QueueStatusDto.class);
        assertThat(status.services()).extracting(QueueStatusDto.ServiceQueue::prefix, QueueStatusDto.ServiceQueue::waiting)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("A", 2), org.assertj.core.groups.Tuple.tuple("B", 0));
        var room = status.rooms().stream().filter(r -> r.roomId() == room2).findFirst().orElseThrow();
        assertThat(room.ticketNumber()).isEqualTo(labTicket.number());
        assertThat(room.doctor()).isEqualTo("nurse");
        assertThat(status.lastEventSeq()).isPositive();

        var list = api.get("/api/services/" + gp + "/tickets").as(new TypeReference<List<TicketDto>>() {});
        assertThat(list).hasSize(2).allSatisfy(t -> assertThat(t.state()).isEqualTo(TicketState.WAITING));
    }

    @Test
    void aRoomHasAtMostOneOpenSessionAndAClosedSessionRefusesNext() {
        long session = api.openSession(room1, List.of(gp), "dr").id();
        var again = api.post("/api/sessions", new org.queuedesk.common.queue.OpenSessionRequest(room1, List.of(gp), "other"));
        assertThat(again.status()).isEqualTo(409);
        post("/api/sessions/" + session + "/pause");
        assertThat(api.post("/api/sessions/" + session + "/next", null).status()).isEqualTo(409);
        post("/api/sessions/" + session + "/resume");
        post("/api/sessions/" + session + "/close");
        assertThat(api.post("/api/sessions/" + session + "/next", null).status()).isEqualTo(409);
        assertThat(api.openSession(room1, List.of(gp), "other").id()).isNotEqualTo(session);
    }
}
