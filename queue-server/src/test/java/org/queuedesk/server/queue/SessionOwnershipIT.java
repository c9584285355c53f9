package org.queuedesk.server.queue;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.queuedesk.common.queue.NextResult;
import org.queuedesk.common.queue.OpenSessionRequest;
import org.queuedesk.common.queue.SessionDto;
import org.queuedesk.common.ticket.IssueTicketRequest;
import org.queuedesk.common.ticket.TicketDto;
import org.queuedesk.server.testing.Api;
import org.queuedesk.server.testing.MutableClock;
import org.queuedesk.server.testing.RunningServer;

/**
 * A session belongs to the signed-in user who opened it and assignments name users. A
 * doctor used to be able to open a session named after another doctor and call that doctor's patients.
 * Runs on the demo clinic with real sign-in: {@code doctor} and {@code nurse} both have the doctor role.
 */
class SessionOwnershipIT {

    private static final long GP = 1;
    private static final long ROOM_1 = 1;
    private static final long ROOM_2 = 2;

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-23T09:00:00Z"));
    @RegisterExtension
    final RunningServer server = RunningServer.demoWithSignIn().withClock(clock);
    private Api admin;
    private Api reception;
    private Api doctor;
    private Api nurse;

    @BeforeEach
    void start() {
        admin = server.api().signedInAs("admin", "admin");
        reception = server.api().signedInAs("reception", "reception");
        doctor = server.api().signedInAs("doctor", "doctor");
        nurse = server.api().signedInAs("nurse", "nurse");
    }

    @Test
    void aDoctorCannotOpenASessionInAnotherDoctorsNameNorCallTheirAssignedPatient() {
        TicketDto forNurse = reception.issue(new IssueTicketRequest(GP, null, null, null, null, "nurse"));

        var impersonation = doctor.post("/api/sessions", new OpenSessionRequest(ROOM_1, List.of(GP), "nurse"));
        assertThat(impersonation.status()).isEqualTo(403);
        assertThat(impersonation.contentType()).startsWith("application/problem+json");
        assertThat(impersonation.json().get("detail").asText()).contains("doctor");

        // the doctor's own session never gets the nurse's patient
        long own = doctor.post("/api/sessions", new OpenSessionRequest(ROOM_1, List.of(GP), null)).as(SessionDto.class).id();
        assertThat(doctor.get("/api/sessions/" + own).as(SessionDto.class).doctor()).isEqualTo("doctor");
        assertThat(doctor.post("/api/sessions/" + own + "/next", null).as(NextResult.class).called()).isNull();

        // nor can the doctor work the nurse's session (the session id is public on the board)
        long nurses = nurse.post("/api/sessions", new OpenSessionRequest(ROOM_2, List.of(GP), "nurse")).as(SessionDto.class).id();
        var hijack = doctor.post("/api/sessions/" + nurses + "/next", null);
        assertThat(hijack.status()).isEqualTo(403);
        assertThat(hijack.contentType()).startsWith("application/problem+json");
        assertThat(doctor.post("/api/sessions/" + nurses + "/pause", null).status()).isEqualTo(403);
        assertThat(doctor.post("/api/sessions/" + nurses + "/close", null).status()).isEqualTo(403);

        assertThat(nurse.post("/api/sessions/" + nurses + "/next", null).as(NextResult.class).called().id())
                .isEqualTo(forNurse.id());
        assertThat(doctor.post("/api/sessions/" + nurses + "/done", null).status()).isEqualTo(403);
        assertThat(doctor.post("/api/sessions/" + nurses + "/recall", null).status()).isEqualTo(403);
    }

    @Test
    void anAdminMayOpenASessionForADoctorAndThatIsAudited() {
        TicketDto forNurse = reception.issue(new IssueTicketRequest(GP, null, null, null, null, "nurse"));
        var opened = admin.post("/api/sessions", new OpenSessionRequest(ROOM_2, List.of(GP), "nurse"));
        assertThat(opened.status()).isEqualTo(201);
        var session = opened.as(SessionDto.class);
        assertThat(session.doctor()).isEqualTo("nurse");

        // it is the nurse's session: she works it, and her assigned patient is called there
        assertThat(nurse.post("/api/sessions/" + session.id() + "/next", null).as(NextResult.class).called().id())
                .isEqualTo(forNurse.id());

        var audit = admin.get("/api/audit").json();
        var entry = java.util.stream.StreamSupport.stream(audit.spliterator(), false)
                .filter(e -> e.get("action").asText().equals("session.opened-for")).findFirst().orElseThrow();
        assertThat(entry.get("actor").asText()).isEqualTo("admin");
        assertThat(entry.get("subject").asText()).isEqualTo("nurse");
    }

    @Test
    void anAssignmentMustNameAUserWithTheDoctorRole() {
        for (String notADoctor : List.of("Dr. Nobody", "reception")) {
            var refused = reception.post("/api/tickets", new IssueTicketRequest(GP, null, null, null, null, notADoctor));
            assertThat(refused.status()).as(notADoctor).isEqualTo(422);
            assertThat(refused.contentType()).startsWith("application/problem+json");
            assertThat(refused.json().get("errors").has("assignedDoctor")).isTrue();
        }
    }
}
