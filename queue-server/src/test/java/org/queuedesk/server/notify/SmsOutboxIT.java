package org.queuedesk.server.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.queuedesk.common.notify.SmsMessageDto;
import org.queuedesk.common.notify.SmsSiteSettingsDto;
import org.queuedesk.common.notify.SmsTemplateRequest;
import org.queuedesk.common.notify.StatusLinkDto;
import org.queuedesk.common.notify.TicketSmsDto;
import org.queuedesk.common.site.ServiceDto;
import org.queuedesk.common.ticket.IssueTicketRequest;
import org.queuedesk.common.ticket.TicketDto;
import org.queuedesk.common.ticket.TicketSource;
import org.queuedesk.common.ticket.TransferRequest;
import org.queuedesk.server.testing.Api;

/** Text messages end to end: the real server, the real SnsClient, the SNS-protocol test server. */
class SmsOutboxIT {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private FakeSnsServer sns;
    private SmsTestServer server;
    private Api api;
    private long siteId;
    private ServiceDto gp;
    private ServiceDto blood;
    private long room2;

    @BeforeEach
    void start() {
        sns = FakeSnsServer.start();
        server = SmsTestServer.start(Clock.systemUTC(), SmsTestServer.fastRetries(sns).withLimits(3, 4)
                .withPublicUrl("https://queue.riverside.example"));
        api = server.api();
        siteId = api.createSite("Riverside Clinic", "Europe/Madrid").id();
        gp = api.createService(siteId, "General practice", "A");
        blood = api.createService(siteId, "Blood tests", "B");
        api.createRoom(siteId, "Room 1");
        room2 = api.createRoom(siteId, "Room 2").id();
    }

    @AfterEach
    void stop() {
        server.close();
        sns.close();
    }

    private TicketDto issue(long serviceId, String phone) {
        return api.issue(new IssueTicketRequest(serviceId, null, null, "Ana García", phone, null));
    }

    private TicketSmsDto sms(long ticketId) {
        return api.get("/api/tickets/" + ticketId + "/sms").as(TicketSmsDto.class);
    }

    private List<SmsMessageDto> awaitMessages(long ticketId, int count, String state) {
        FakeSnsServer.await(WAIT, count + " " + state + " messages of ticket " + ticketId,
                () -> sms(ticketId).messages().stream().filter(m -> m.state().equals(state)).count() >= count);
        return sms(ticketId).messages();
    }

    @Test
    void issuingWithAPhoneSendsAConfirmationWithTheStatusLink() {
        var ticket = issue(gp.id(), "+34 600 123 456");

        assertThat(ticket.phone()).isEqualTo("+34******456"); // staff see it masked
        assertThat(fullPhone(ticket.id())).isEqualTo("+34600123456");
        var messages = awaitMessages(ticket.id(), 1, "sent");
        var sent = sns.publishedTo("+34600123456");
        assertThat(sent).hasSize(1);
        var link = api.get("/api/tickets/" + ticket.id() + "/status-link").as(StatusLinkDto.class);
        assertThat(link.url()).matches("https://queue\\.riverside\\.example/t/[A-Za-z0-9_-]{22}");
        assertThat(sent.get(0).message())
                .isEqualTo("Riverside Clinic: your ticket is A-001 (General practice), number 1 in the queue. "
                        + "Follow it live: " + link.url())
                .doesNotContain("Ana");
        assertThat(messages.get(0).kind()).isEqualTo("confirmation");
        assertThat(messages.get(0).phoneMasked()).isEqualTo("+34******456");
        assertThat(messages.get(0).providerMessageId()).isEqualTo(sent.get(0).messageId());
        var view = sms(ticket.id());
        assertThat(view.statusUrl()).isEqualTo(link.url());
        assertThat(view.optedOut()).isFalse();
    }

    @Test
    void staffSeeEachStateChangeInTheEventStream() throws Exception {
        var ticket = issue(gp.id(), "+34600123456");
        awaitMessages(ticket.id(), 1, "sent");

        List<String> payloads = server.server().database().read(h -> h.createQuery(
                "SELECT payload FROM events WHERE site_id = :site AND type = 'sms.updated' ORDER BY seq")
                .bind("site", siteId).mapTo(String.class).list());
        assertThat(payloads).hasSize(2);
        var first = Api.JSON.readTree(payloads.get(0)).get("sms");
        var second = Api.JSON.readTree(payloads.get(1)).get("sms");
        assertThat(first.get("state").asText()).isEqualTo("queued");
        assertThat(second.get("state").asText()).isEqualTo("sent");
        assertThat(second.get("ticketId").asLong()).isEqualTo(ticket.id());
        assertThat(payloads).allSatisfy(p -> assertThat(p).doesNotContain("600123456"));
    }

    @Test
    void aNationalNumberIsReadInTheSitesRegion() {
        var refused = api.post("/api/tickets", new IssueTicketRequest(gp.id(), null, null, null, "600 123 456", null));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().get("errors").has("phone")).isTrue();

        api.post("/api/sites/" + siteId + "/sms-settings", new SmsSiteSettingsDto(null, "es", "en")).as(SmsSiteSettingsDto.class);
        var ticket = issue(gp.id(), "600 123 456");

        assertThat(fullPhone(ticket.id())).isEqualTo("+34600123456");
    }

    private String fullPhone(long ticketId) {
        return api.get("/api/tickets/" + ticketId + "/phone").as(org.queuedesk.common.ticket.TicketPhoneDto.class).phone();
    }

    @Test
    void invalidNumbersAreRefusedNamingThePhoneFieldAndNothingIsIssued() {
        for (String bad : new String[] {"+34 123", "+34 915 123 456", "not a number", "+999 600 123 456"}) {
            var response = api.post("/api/tickets", new IssueTicketRequest(gp.id(), null, null, null, bad, null));
            assertThat(response.status()).as(bad).isEqualTo(400);
            assertThat(response.contentType()).startsWith("application/problem+json");
            assertThat(response.json().get("errors").has("phone")).as(bad).isTrue();
        }
        assertThat(api.get("/api/services/" + gp.id() + "/tickets").json()).isEmpty();
        assertThat(sns.requests()).isZero();
    }

    @Test
    void callAndRecallTellThePatientTheRoom() {
        var ticket = issue(gp.id(), "+34600123456");
        var session = api.openSession(room2, List.of(gp.id()), "dr.ruiz");

        api.next(session.id());
        api.post("/api/sessions/" + session.id() + "/recall", null);

        awaitMessages(ticket.id(), 3, "sent");
        assertThat(sns.publishedTo("+34600123456")).extracting(FakeSnsServer.Published::message)
                .endsWith("Your turn: Ticket A-001, Room 2.", "Your turn: Ticket A-001, Room 2.");
    }

    @Test
    void almostYourTurnIsSentOncePerTicketWhenItsPositionReachesN() {
        var tickets = new java.util.ArrayList<TicketDto>();
        for (int i = 0; i < 5; i++) {
            tickets.add(issue(gp.id(), "+3460012340" + i));
        }
        var session = api.openSession(room2, List.of(gp.id()), "dr.ruiz");

        api.next(session.id());
        api.next(session.id());
        api.next(session.id());

        var fourth = awaitMessages(tickets.get(3).id(), 2, "sent");
        var fifth = awaitMessages(tickets.get(4).id(), 2, "sent");
        assertThat(fourth).extracting(SmsMessageDto::kind).containsExactly("confirmation", "almost_turn");
        assertThat(fifth).extracting(SmsMessageDto::kind).containsExactly("confirmation", "almost_turn");
        assertThat(sns.publishedTo("+34600123403").get(1).message()).startsWith("Ticket A-004: almost your turn (number 3");
        // the first three were told their place (3 or better) when they got the ticket: no second notice
        assertThat(sms(tickets.get(2).id()).messages()).extracting(SmsMessageDto::kind)
                .containsExactly("confirmation", "your_turn");
    }

    @Test
    void transferAndCancelAreConfirmed() {
        var moved = issue(gp.id(), "+34600123401");
        var cancelled = issue(gp.id(), "+34600123402");

        api.post("/api/tickets/" + moved.id() + "/transfer", new TransferRequest(blood.id(), false)).as(TicketDto.class);
        api.post("/api/tickets/" + cancelled.id() + "/cancel", null).as(TicketDto.class);

        awaitMessages(moved.id(), 2, "sent");
        awaitMessages(cancelled.id(), 2, "sent");
        assertThat(sns.publishedTo("+34600123401").get(1).message())
                .startsWith("Ticket A-001 now waits at Blood tests, number 1 in the queue.");
        assertThat(sns.publishedTo("+34600123402").get(1).message())
                .isEqualTo("Ticket A-002 (General practice) is cancelled. You will get no more messages about it.");
    }

    @Test
    void messagesAreWrittenInThePatientsLanguage() {
        var es = api.issue(new IssueTicketRequest(gp.id(), null, TicketSource.KIOSK, null, "+34600123401", null, "es"));
        var ar = api.issue(new IssueTicketRequest(gp.id(), null, TicketSource.KIOSK, null, "+34600123402", null, "ar"));
        var fr = api.issue(new IssueTicketRequest(gp.id(), null, TicketSource.KIOSK, null, "+34600123403", null, "fr"));

        awaitMessages(fr.id(), 1, "sent");
        awaitMessages(ar.id(), 1, "sent");
        awaitMessages(es.id(), 1, "sent");
        assertThat(sns.publishedTo("+34600123401").get(0).message()).startsWith("Riverside Clinic: su ticket es A-001");
        assertThat(sns.publishedTo("+34600123402").get(0).message()).startsWith("تذكرتك A-002، رقمك 2");
        assertThat(sns.publishedTo("+34600123403").get(0).message()).as("no French texts: the site's language")
                .startsWith("Riverside Clinic: your ticket is A-003");
        assertThat(sms(ar.id()).language()).isEqualTo("ar");
    }

    @Test
    void aServiceCanHaveItsOwnTexts() {
        var bad = api.post("/api/services/" + gp.id() + "/sms-texts",
                new SmsTemplateRequest("en", "your_turn", "Go to {door} now"));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().get("errors").has("text")).isTrue();
        var tooLong = api.post("/api/services/" + gp.id() + "/sms-texts",
                new SmsTemplateRequest("en", "your_turn", "x".repeat(400)));
        assertThat(tooLong.status()).isEqualTo(400);

        api.post("/api/services/" + gp.id() + "/sms-texts",
                new SmsTemplateRequest("en", "your_turn", "{number}: please go to {room} now.")).as(Map.class);
        var ticket = issue(gp.id(), "+34600123456");
        api.next(api.openSession(room2, List.of(gp.id()), "dr.ruiz").id());

        awaitMessages(ticket.id(), 2, "sent");
        assertThat(sns.publishedTo("+34600123456").get(1).message()).isEqualTo("A-001: please go to Room 2 now.");
        // 3 languages x 9 kinds (5 about tickets, 4 about appointments)
        assertThat(api.get("/api/services/" + gp.id() + "/sms-texts").json()).hasSize(27);
    }

    @Test
    void nothingGoesToANumberOnTheSnsOptOutListAndStaffSeeWhy() {
        sns.optOut("+34600999888");

        var first = issue(gp.id(), "+34600999888");
        awaitMessages(first.id(), 1, "opted_out");
        var second = issue(gp.id(), "+34600999888");

        var view = sms(second.id());
        assertThat(view.optedOut()).isTrue();
        assertThat(view.optOutReason()).contains("SNS opt-out list");
        assertThat(view.messages()).singleElement().satisfies(m -> {
            assertThat(m.state()).isEqualTo("opted_out");
            assertThat(m.reason()).contains("SNS opt-out list");
        });
        assertThat(sns.publishedTo("+34600999888")).isEmpty();
    }

    @Test
    void theOptOutListIsCheckedOncePerNumberNotPerMessage() {
        var ticket = issue(gp.id(), "+34600123456");
        api.next(api.openSession(room2, List.of(gp.id()), "dr.ruiz").id());

        awaitMessages(ticket.id(), 2, "sent");
        assertThat(sns.optOutChecks()).isEqualTo(1);
    }

    @Test
    void stoppingOnTheStatusPageStopsEveryLaterMessage() {
        var ticket = issue(gp.id(), "+34600123456");
        awaitMessages(ticket.id(), 1, "sent");
        String token = api.get("/api/tickets/" + ticket.id() + "/status-link").as(StatusLinkDto.class).url()
                .replaceAll(".*/t/", "");

        var stopped = api.post("/t/" + token + "/stop-sms", null);
        var again = api.post("/t/" + token + "/stop-sms", null);
        api.next(api.openSession(room2, List.of(gp.id()), "dr.ruiz").id());

        assertThat(stopped.status()).isEqualTo(200);
        assertThat(again.status()).as("idempotent").isEqualTo(200);
        assertThat(again.json().get("textMessages").asBoolean()).isFalse();
        var messages = sms(ticket.id()).messages();
        assertThat(messages).extracting(SmsMessageDto::state).containsExactly("sent", "opted_out");
        assertThat(messages.get(1).reason()).contains("status page");
        assertThat(sns.publishedTo("+34600123456")).hasSize(1);
    }

    @Test
    void aPhoneGetsAtMostNSmsTicketsADay() {
        for (int i = 0; i < 3; i++) {
            issue(gp.id(), "+34600123456");
        }

        var fourth = api.post("/api/tickets", new IssueTicketRequest(gp.id(), null, null, null, "+34600123456", null));

        assertThat(fourth.status()).isEqualTo(429);
        assertThat(fourth.contentType()).startsWith("application/problem+json");
        assertThat(fourth.json().get("detail").asText()).contains("already has 3 tickets with text messages today");
        assertThat(api.get("/api/services/" + gp.id() + "/tickets").json()).hasSize(3);
        assertThat(issue(gp.id(), null).number()).as("the refused ticket used no number").isEqualTo("A-004");
    }

    @Test
    void aKioskIssuesAtMostNSmsTicketsAMinute() {
        for (int i = 0; i < 4; i++) {
            api.issue(new IssueTicketRequest(gp.id(), null, TicketSource.KIOSK, null, "+3460012340" + i, null));
        }

        var fifth = api.post("/api/tickets", new IssueTicketRequest(gp.id(), null, TicketSource.KIOSK, null,
                "+34600123409", null));

        assertThat(fifth.status()).isEqualTo(429);
        assertThat(fifth.json().get("detail").asText()).contains("This kiosk issued 4 tickets with text messages in the last minute");
        assertThat(api.post("/api/tickets", new IssueTicketRequest(gp.id(), null, TicketSource.KIOSK, null, null, null))
                .status()).as("printing still works").isEqualTo(201);
    }
}
