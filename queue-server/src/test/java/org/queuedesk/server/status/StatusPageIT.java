package org.queuedesk.server.status;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.queuedesk.common.notify.StatusLinkDto;
import org.queuedesk.common.ticket.IssueTicketRequest;
import org.queuedesk.common.ticket.TicketDto;
import org.queuedesk.common.ticket.TicketState;
import org.queuedesk.server.notify.SmsSettings;
import org.queuedesk.server.notify.SmsTestServer;
import org.queuedesk.server.testing.Api;

/** The patient's status page in a real headless Chromium (Debian's {@code chromium}). */
class StatusPageIT {

    private static SmsTestServer server;
    private static Api api;
    private static long gp;
    private static long session;

    @BeforeAll
    static void start() {
        server = SmsTestServer.start(Clock.systemUTC(), SmsSettings.defaults());
        api = server.api();
        long site = api.createSite("Riverside Clinic", "Europe/Madrid").id();
        gp = api.createService(site, "General practice", "A").id();
        long room = api.createRoom(site, "Room 2").id();
        session = api.openSession(room, List.of(gp), "dr.ruiz").id();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static String linkOf(TicketDto ticket) {
        return api.get("/api/tickets/" + ticket.id() + "/status-link").as(StatusLinkDto.class).url();
    }

    private static TicketDto issue(String name, String phone, String language) {
        return api.issue(new IssueTicketRequest(gp, null, null, name, phone, null, language));
    }

    @Test
    void thePageShowsPositionAndUpdatesLiveAndCancelWorks() throws Exception {
        for (int i = 0; i < 5; i++) {
            issue(null, null, null);
        }
        var mine = issue("Ana García", "+34600123456", "en");
        for (int i = 0; i < 3; i++) {
            api.next(session);
        }

        try (var chromium = HeadlessChromium.start()) {
            var tab = chromium.newTab();
            tab.open(linkOf(mine));

            assertThat(tab.text("#number")).isEqualTo("A-006");
            assertThat(tab.text("#service")).isEqualTo("General practice");
            assertThat(tab.text("#headline")).isEqualTo("You are number 3 in the queue");
            assertThat(tab.text("#wait")).startsWith("Estimated wait: ");
            assertThat(tab.text("#texts")).isEqualTo("Text messages are on.");
            String page = tab.eval("document.documentElement.outerHTML").asText();
            assertThat(page).doesNotContain("Ana").doesNotContain("600123456").doesNotContain("+34");

            api.next(session);
            tab.waitFor("document.getElementById('headline').textContent === 'You are number 2 in the queue'");
            tab.waitFor("document.getElementById('live').textContent.indexOf('Updates by itself') === 0");
            tab.screenshot(Path.of("target", "screenshots", "status-page.png"));

            tab.click("#cancel");
            tab.waitFor("!document.getElementById('cancel-confirm').hidden");
            tab.click("#cancel-yes");
            tab.waitFor("document.getElementById('headline').textContent === 'This ticket is cancelled'");
            tab.waitFor("document.getElementById('cancel-form').hidden");
            tab.screenshot(Path.of("target", "screenshots", "status-page-cancelled.png"));
        }
        assertThat(api.ticket(mine.id()).state()).isEqualTo(TicketState.CANCELLED);
        var again = api.post(linkOf(mine).replaceAll(".*/t/", "/t/") + "/cancel", null);
        assertThat(again.status()).as("cancelling twice is fine").isEqualTo(200);
    }

    @Test
    void thePageShowsTheRoomOnceCalled() throws Exception {
        while (api.next(session).called() != null) {
            // empty the queue
        }
        var mine = issue(null, null, null);
        try (var chromium = HeadlessChromium.start()) {
            var tab = chromium.newTab();
            tab.open(linkOf(mine));
            assertThat(tab.text("#headline")).isEqualTo("You are next");

            api.next(session);

            tab.waitFor("document.getElementById('headline').textContent === \"It's your turn: Room 2\"");
            assertThat(tab.eval("document.getElementById('wait').hidden").asBoolean()).isTrue();
            assertThat(tab.eval("document.getElementById('stop-form').hidden").asBoolean()).as("no phone").isTrue();
        }
    }

    @Test
    void thePageIsRenderedInThePatientsLanguageAndRightToLeftForArabic() throws Exception {
        var arabic = issue(null, "+34600123457", "ar");
        var spanish = issue(null, null, "es");

        String ar = HeadlessChromium.dumpDom(linkOf(arabic));
        String es = HeadlessChromium.dumpDom(linkOf(spanish));

        assertThat(ar).contains("dir=\"rtl\"").contains("lang=\"ar\"").contains("أوقف الرسائل القصيرة");
        assertThat(es).contains("lang=\"es\"").contains("Cancelar mi ticket").contains("en la cola");
    }

    @Test
    void anUnknownOrMalformedLinkShowsAnExpiredPageAndNothingElse() throws Exception {
        String dom = HeadlessChromium.dumpDom(server.server().publicUrl() + "/t/AAAAAAAAAAAAAAAAAAAAAA");
        assertThat(dom).contains("This link has expired or does not exist.");

        var json = api.get("/t/not-a-token/status");
        assertThat(json.status()).isEqualTo(404);
        assertThat(json.contentType()).startsWith("application/problem+json");
        assertThat(api.post("/t/AAAAAAAAAAAAAAAAAAAAAA/cancel", null).status()).isEqualTo(404);
    }
}
