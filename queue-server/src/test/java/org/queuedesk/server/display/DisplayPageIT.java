package org.queuedesk.server.display;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.queuedesk.common.queue.NextResult;
import org.queuedesk.common.queue.OpenSessionRequest;
import org.queuedesk.common.queue.SessionDto;
import org.queuedesk.common.ticket.IssueTicketRequest;
import org.queuedesk.server.status.HeadlessChromium;
import org.queuedesk.server.testing.Api;
import org.queuedesk.server.testing.RunningServer;

/** The waiting-room board as a web page, in Debian's headless Chromium, with the demo display's token. */
class DisplayPageIT {

    private static final String DISPLAY_TOKEN = "qdd_demo-display";
    @RegisterExtension
    static final RunningServer server = RunningServer.demoWithSignIn();
    private static HeadlessChromium chromium;

    @BeforeAll
    static void start() throws Exception {
        chromium = HeadlessChromium.start();
    }

    @AfterAll
    static void stop() throws Exception {
        if (chromium != null) {
            chromium.close();
        }
    }

    @Test
    void aCallFromTheDoctorAppearsOnTheBoardWithinASecondAndNoNameEverDoes() throws Exception {
        Api reception = server.api().signedInAs("reception", "reception");
        Api doctor = server.api().signedInAs("doctor", "doctor");
        reception.issue(new IssueTicketRequest(1L, null, null, "Ana Garc\u00eda", "+34600123456", null));
        reception.issue(new IssueTicketRequest(1L, null, null, "Bruno D\u00edaz", null, null));
        SessionDto session = doctor.post("/api/sessions", new OpenSessionRequest(2L, List.of(1L), null))
                .as(SessionDto.class);

        HeadlessChromium.Tab tab = board();
        open(tab, server.baseUrl() + "/display/1?token=" + DISPLAY_TOKEN);
        tab.waitFor("document.body.getAttribute('data-live') === 'yes'");
        assertThat(tab.text("#site")).isEqualTo("Riverside Clinic");

        doctor.post("/api/sessions/" + session.id() + "/next", null).as(NextResult.class);
        assertThat(appearsWithin(tab, "#current .row.latest[data-number='A-001']", 1000))
                .as("A-001 on the board within a second").isTrue();
        assertThat(tab.text("#current .row.latest .room")).isEqualTo(session.roomName());

        doctor.post("/api/sessions/" + session.id() + "/next", null).as(NextResult.class);
        assertThat(appearsWithin(tab, "#current .row.latest[data-number='A-002']", 1000)).isTrue();
        assertThat(appearsWithin(tab, "#current [data-number='A-001']", 0)).as("A-001 is done").isFalse();
        assertThat(tab.eval("document.querySelectorAll('#recent-list .recent').length").asInt())
                .as("earlier calls: A-001 only; A-002 is on the board in big").isEqualTo(1);

        // a recall moves a number up the earlier calls; it never lists it twice
        doctor.post("/api/sessions/" + session.id() + "/recall", null);
        reception.issue(new IssueTicketRequest(1L, null, null, null, null, null));
        doctor.post("/api/sessions/" + session.id() + "/next", null).as(NextResult.class);
        assertThat(appearsWithin(tab, "#current .row.latest[data-number='A-003']", 1000)).isTrue();
        assertThat(tab.eval("Array.from(document.querySelectorAll('#recent-list .recent .number'))"
                + ".map(function (n) { return n.textContent; }).join(',')").asText()).isEqualTo("A-002,A-001");

        String page = tab.eval("document.documentElement.outerHTML").asText();
        assertThat(page).doesNotContain("Ana").doesNotContain("Bruno").doesNotContain("600123456");
        tab.screenshot(Path.of("target", "screenshots", "display-web.png"));

        // a no-show leaves the board: the page asks for wire version 2, whose name for it is ticket.no_show
        doctor.post("/api/sessions/" + session.id() + "/no-show", null);
        assertThat(goneWithin(tab, "#current [data-number='A-003']", 1000)).as("A-003 did not come").isTrue();
        tab.screenshot(Path.of("target", "screenshots", "display-web-no-show.png"));
    }

    @Test
    void withoutATokenTheBoardSaysWhatItNeeds() throws Exception {
        HeadlessChromium.Tab tab = board();
        open(tab, server.baseUrl() + "/display/1");
        tab.waitFor("!document.getElementById('problem').hidden");
        assertThat(tab.text("#problem")).contains("?token=");

        open(tab, server.baseUrl() + "/display/1?lang=en#token=qdd_not-a-real-token");
        tab.waitFor("document.getElementById('problem').textContent.indexOf('refused') >= 0");
    }

    @Test
    void theBoardShowsRoomsAndItsOwnWordsInItsLanguage() throws Exception {
        Api admin = server.api().signedInAs("admin", "admin");
        Api doctor = server.api().signedInAs("nurse", "nurse");
        // names as an admin would type them, and the board's words as a translator wrote them
        String roomEs = "Consulta de enfermer\u00eda";
        String roomAr = "\u063a\u0631\u0641\u0629 \u0627\u0644\u062a\u0645\u0631\u064a\u0636";
        var renamed = admin.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(server.baseUrl() + "/api/rooms/3/names"))
                .header("Content-Type", "application/json")
                .PUT(java.net.http.HttpRequest.BodyPublishers.ofString(Api.JSON.writeValueAsString(
                        Map.of("names", Map.of("es", roomEs, "ar", roomAr))))));
        assertThat(renamed.status()).isEqualTo(200);
        admin.issue(new IssueTicketRequest(2L, null, null, null, null, null));
        SessionDto session = doctor.post("/api/sessions", new OpenSessionRequest(3L, List.of(2L), "nurse"))
                .as(SessionDto.class);

        HeadlessChromium.Tab es = board();
        open(es, server.baseUrl() + "/display/1?lang=es&token=" + DISPLAY_TOKEN);
        es.waitFor("document.body.getAttribute('data-live') === 'yes'");
        HeadlessChromium.Tab ar = board();
        open(ar, server.baseUrl() + "/display/1?lang=ar&token=" + DISPLAY_TOKEN);
        ar.waitFor("document.body.getAttribute('data-live') === 'yes'");
        String number = doctor.post("/api/sessions/" + session.id() + "/next", null).as(NextResult.class).called().number();

        assertThat(appearsWithin(es, "#current .row[data-number='" + number + "']", 5000)).isTrue();
        assertThat(es.text("#current .row[data-number='" + number + "'] .room")).isEqualTo(roomEs);
        assertThat(es.text("#label-room")).isEqualTo("Consulta");
        assertThat(appearsWithin(ar, "#current .row[data-number='" + number + "']", 5000)).isTrue();
        assertThat(ar.text("#current .row[data-number='" + number + "'] .room")).isEqualTo(roomAr);
        assertThat(ar.eval("document.documentElement.dir").asText()).isEqualTo("rtl");
        ar.screenshot(Path.of("target", "screenshots", "display-web-ar.png"));
        doctor.post("/api/sessions/" + session.id() + "/done", null);
        doctor.post("/api/sessions/" + session.id() + "/close", null);

        open(es, server.baseUrl() + "/display/1?lang=es");
        es.waitFor("!document.getElementById('problem').hidden");
        assertThat(es.text("#problem")).isEqualTo("Esta pantalla necesita su token: a\u00f1ada ?token=qdd_\u2026 a la direcci\u00f3n.");
        open(ar, server.baseUrl() + "/display/1?lang=ar#token=qdd_not-a-real-token");
        ar.waitFor("document.getElementById('problem').textContent.length > 0 && !document.getElementById('problem').hidden");
        assertThat(ar.text("#problem")).as("no English on an Arabic board")
                .isEqualTo("\u0631\u0641\u0636 \u0627\u0644\u062e\u0627\u062f\u0645 \u0631\u0645\u0632 \u0647\u0630\u0647 "
                        + "\u0627\u0644\u0634\u0627\u0634\u0629. \u0627\u0637\u0644\u0628 \u0631\u0645\u0632\u064b\u0627 "
                        + "\u062c\u062f\u064a\u062f\u064b\u0627 \u0645\u0646 \u0645\u0633\u0624\u0648\u0644 "
                        + "\u0627\u0644\u0639\u064a\u0627\u062f\u0629.");
        ar.screenshot(Path.of("target", "screenshots", "display-web-ar-refused.png"));
    }

    private static void open(HeadlessChromium.Tab tab, String url) {
        tab.call("Page.navigate", Map.of("url", url));
        tab.waitFor("document.readyState === 'complete' && !!document.getElementById('board')");
    }

    /** A TV-sized tab. */
    private static HeadlessChromium.Tab board() throws Exception {
        HeadlessChromium.Tab tab = chromium.newTab();
        tab.call("Emulation.setDeviceMetricsOverride",
                Map.of("width", 1366, "height", 768, "deviceScaleFactor", 1, "mobile", false));
        return tab;
    }

    /** Waits inside the page, at most {@code millis}, for {@code selector} to match nothing any more. */
    private static boolean goneWithin(HeadlessChromium.Tab tab, String selector, int millis) {
        return tab.eval("new Promise(function (done) { var start = Date.now(); (function check() {"
                + " if (!document.querySelector(" + Api.JSON.valueToTree(selector) + ")) { return done(true); }"
                + " if (Date.now() - start >= " + millis + ") { return done(false); } setTimeout(check, 10); })(); })")
                .asBoolean();
    }

    /** Waits inside the page, at most {@code millis}, for {@code selector} to match. */
    private static boolean appearsWithin(HeadlessChromium.Tab tab, String selector, int millis) {
        return tab.eval("new Promise(function (done) { var start = Date.now(); (function check() {"
                + " if (document.querySelector(" + Api.JSON.valueToTree(selector) + ")) { return done(true); }"
                + " if (Date.now() - start >= " + millis + ") { return done(false); } setTimeout(check, 10); })(); })")
                .asBoolean();
    }
}
