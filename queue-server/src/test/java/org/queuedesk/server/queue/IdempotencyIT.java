package org.queuedesk.server.queue;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.queuedesk.common.queue.NextRequest;
import org.queuedesk.common.queue.NextResult;
import org.queuedesk.common.ticket.IssueTicketRequest;
import org.queuedesk.common.ticket.TicketDto;
import org.queuedesk.common.ticket.TicketState;
import org.queuedesk.server.testing.Api;
import org.queuedesk.server.testing.MutableClock;
import org.queuedesk.server.testing.RunningServer;

class IdempotencyIT {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-23T09:00:00Z"));
    @RegisterExtension
    final RunningServer server = RunningServer.openAccess().withClock(clock);
    private Api api;
    private long service;
    private long session;

    @BeforeEach
    void start() {
        api = server.api();
        long site = api.createSite("Retry Clinic", "UTC").id();
        service = api.createService(site, "General", "A").id();
        long room = api.createRoom(site, "Room 1").id();
        session = api.openSession(room, List.of(service), "dr").id();
    }

    @Test
    void aRetriedNextWithTheSameKeyReturnsTheSameTicketAndCallsNoOther() {
        TicketDto first = api.issue(service);
        TicketDto second = api.issue(service);

        var answer = api.post("/api/sessions/" + session + "/next", null, "next-1");
        var retry = api.post("/api/sessions/" + session + "/next", null, "next-1");

        assertThat(retry.status()).isEqualTo(200);
        assertThat(retry.body()).isEqualTo(answer.body());
        assertThat(retry.as(NextResult.class).called().id()).isEqualTo(first.id());
        assertThat(api.ticket(second.id()).state()).isEqualTo(TicketState.WAITING);
        assertThat(api.ticket(first.id()).state()).isEqualTo(TicketState.CALLED);
        assertThat(api.get("/api/tickets/" + first.id() + "/history").json().size()).isEqualTo(2);
    }

    @Test
    void aRetriedIssueGivesTheSameNumberAndIssuesNothingMore() {
        var request = new IssueTicketRequest(service, null, null, "Ana", null, null);
        var one = api.post("/api/tickets", request, "issue-1");
        var two = api.post("/api/tickets", request, "issue-1");
        assertThat(one.status()).isEqualTo(201);
        assertThat(two.status()).isEqualTo(201);
        assertThat(two.as(TicketDto.class)).isEqualTo(one.as(TicketDto.class));
        assertThat(api.issue(service).number()).isEqualTo("A-002");
    }

    @Test
    void theSameKeyWithAnotherBodyIsRefused() {
        api.post("/api/tickets", new IssueTicketRequest(service, null, null, "Ana", null, null), "issue-2");
        var other = api.post("/api/tickets", new IssueTicketRequest(service, null, null, "Bea", null, null), "issue-2");
        assertThat(other.status()).isEqualTo(422);
        assertThat(other.contentType()).startsWith("application/problem+json");
        assertThat(other.json().get("detail").asText()).contains("issue-2");
    }

    @Test
    void theSameKeyOnAnotherRouteIsRefused() {
        api.issue(service);
        api.post("/api/sessions/" + session + "/next", null, "shared-key");
        var recall = api.post("/api/sessions/" + session + "/recall", null, "shared-key");
        assertThat(recall.status()).isEqualTo(422);
    }

    /** A retry re-serialised with other whitespace and key order is the same request. */
    @Test
    void theSameJsonWithOtherWhitespaceAndKeyOrderIsReplayedNotRefused() {
        String first = "{\"serviceId\":" + service + ",\"patientName\":\"Ana\",\"priority\":\"priority\"}";
        String retry = "{\n  \"priority\" : \"priority\",\n  \"patientName\" : \"Ana\",\n  \"serviceId\" : " + service + "\n}";
        var one = api.postRaw("/api/tickets", first, "same-json");
        var two = api.postRaw("/api/tickets", retry, "same-json");
        assertThat(one.status()).isEqualTo(201);
        assertThat(two.status()).as(two.body()).isEqualTo(201);
        assertThat(two.body()).isEqualTo(one.body());
        assertThat(api.get("/api/services/" + service + "/tickets").as(new com.fasterxml.jackson.core.type.TypeReference<
                java.util.List<TicketDto>>() {})).hasSize(1);

        // a different value is still a different request
        String other = "{\"serviceId\":" + service + ",\"patientName\":\"Ana\",\"priority\":\"emergency\"}";
        assertThat(api.postRaw("/api/tickets", other, "same-json").status()).isEqualTo(422);
    }

    @Test
    void aDoubleClickedNextWithTheExpectedCurrentTicketNeverSkipsAPatient() {
        TicketDto first = api.issue(service);
        TicketDto second = api.issue(service);
        api.next(session); // first is now current
        var click = new NextRequest(first.id());
        var one = api.post("/api/sessions/" + session + "/next", click, "click-a");
        var two = api.post("/api/sessions/" + session + "/next", click, "click-b");

        assertThat(one.as(NextResult.class).called().id()).isEqualTo(second.id());
        assertThat(two.status()).isEqualTo(409);
        assertThat(two.json().get("detail").asText()).contains(second.number());
        // like every lifecycle conflict, it names the state (the current patient's), so the desk can show what changed
        assertThat(two.json().get("currentState").asText()).isEqualTo("called");
        assertThat(api.ticket(second.id()).state()).isEqualTo(TicketState.CALLED);
    }

    @Test
    void aFailedRequestIsNotRememberedSoItsKeyCanBeRetried() {
        var empty = api.post("/api/sessions/" + session + "/recall", null, "recall-1");
        assertThat(empty.status()).isEqualTo(409);
        api.issue(service);
        api.next(session);
        assertThat(api.post("/api/sessions/" + session + "/recall", null, "recall-1").status()).isEqualTo(200);
    }

    @Test
    void anUnusableKeyIsRefusedBeforeAnythingChanges() {
        var response = api.post("/api/tickets", new IssueTicketRequest(service, null, null, null, null, null),
                "x".repeat(200));
        assertThat(response.status()).isEqualTo(400);
        assertThat(api.issue(service).number()).isEqualTo("A-001");
    }
}
