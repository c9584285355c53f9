package org.queuedesk.server.ticket;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.WebSocket;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.queuedesk.common.auth.TokenResponse;
import org.queuedesk.common.queue.OpenSessionRequest;
import org.queuedesk.common.queue.SessionDto;
import org.queuedesk.common.ticket.IssueTicketRequest;
import org.queuedesk.common.ticket.TicketDto;
import org.queuedesk.common.ticket.TicketPhoneDto;
import org.queuedesk.server.testing.Api;
import org.queuedesk.server.testing.MutableClock;
import org.queuedesk.server.testing.RunningServer;

/**
 * Staff see a patient's phone number masked everywhere (answers, lists, live events), as
 * the README says; reception reads the full number only through the audited {@code /phone}.
 */
class PhoneMaskingIT {

    private static final String PHONE = "+34600123456";
    /** The README's mask: country code and the last three digits. */
    private static final String MASKED = "+34******456";

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-23T09:00:00Z"));
    @RegisterExtension
    final RunningServer server = RunningServer.demoWithSignIn().withClock(clock);
    private Api admin;
    private Api reception;
    private Api doctor;
    private String receptionToken;

    @BeforeEach
    void start() {
        admin = server.api().signedInAs("admin", "admin");
        receptionToken = server.api().post("/api/auth/login",
                new org.queuedesk.common.auth.LoginRequest("reception", "reception")).as(TokenResponse.class).accessToken();
        reception = server.api().withToken(receptionToken);
        doctor = server.api().signedInAs("doctor", "doctor");
    }

    @Test
    void everyTicketAnswerAndEventShowsThePhoneMasked() throws Exception {
        var events = new LinkedBlockingQueue<String>();
        WebSocket socket = connect(receptionToken, events);

        var issued = reception.post("/api/tickets", new IssueTicketRequest(1L, null, null, "Ana Ruiz", PHONE, null));
        assertThat(issued.status()).isEqualTo(201);
        TicketDto ticket = issued.as(TicketDto.class);
        assertThat(ticket.phone()).isEqualTo(MASKED);

        for (Api caller : List.of(doctor, reception, admin)) {
            assertThat(caller.get("/api/tickets/" + ticket.id()).as(TicketDto.class).phone()).isEqualTo(MASKED);
            assertThat(caller.get("/api/services/1/tickets").body()).doesNotContain("600123456").contains(MASKED);
            assertThat(caller.get("/api/sites/1/tickets?number=" + ticket.number()).body()).doesNotContain("600123456");
        }
        long session = doctor.post("/api/sessions", new OpenSessionRequest(1L, List.of(1L), null)).as(SessionDto.class).id();
        assertThat(doctor.post("/api/sessions/" + session + "/next", null).body()).doesNotContain("600123456")
                .contains(MASKED);
        assertThat(doctor.post("/api/sessions/" + session + "/recall", null).body()).doesNotContain("600123456");

        // issued, called, recalled: three events for the ticket, none with the number in full
        int ticketEvents = 0;
        while (ticketEvents < 3) {
            String event = events.poll(10, TimeUnit.SECONDS);
            assertThat(event).as("event %d", ticketEvents + 1).isNotNull();
            assertThat(event).doesNotContain("600123456");
            if (event.contains("\"ticket.")) {
                assertThat(event).contains(MASKED);
                ticketEvents++;
            }
        }
        socket.abort();
    }

    @Test
    void receptionReadsTheFullNumberOnlyThroughAnAuditedRequest() {
        TicketDto ticket = reception.issue(new IssueTicketRequest(1L, null, null, null, PHONE, null));

        assertThat(doctor.get("/api/tickets/" + ticket.id() + "/phone").status()).isEqualTo(403);
        var full = reception.get("/api/tickets/" + ticket.id() + "/phone");
        assertThat(full.status()).isEqualTo(200);
        assertThat(full.as(TicketPhoneDto.class)).isEqualTo(new TicketPhoneDto(ticket.id(), ticket.number(), PHONE));

        String audit = admin.get("/api/audit").body();
        assertThat(audit).contains("ticket.phone-read").contains("reception").doesNotContain("600123456");

        TicketDto withoutPhone = reception.issue(1L);
        var none = reception.get("/api/tickets/" + withoutPhone.id() + "/phone");
        assertThat(none.status()).isEqualTo(404);
        assertThat(none.contentType()).startsWith("application/problem+json");
    }

    private WebSocket connect(String token, LinkedBlockingQueue<String> messages) throws Exception {
        String url = server.baseUrl().replace("http", "ws") + "/api/sites/1/events?access_token=" + token;
        return server.api().http().newWebSocketBuilder().buildAsync(URI.create(url), new WebSocket.Listener() {
            @Override
            public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
                messages.add(data.toString());
                ws.request(1);
                return null;
            }
        }).get(10, TimeUnit.SECONDS);
    }
}
