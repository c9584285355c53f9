package org.queuedesk.server.online;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicReference;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.queuedesk.common.notify.StatusLinkDto;
import org.queuedesk.common.online.RemoteJoiningRequest;
import org.queuedesk.common.site.NamesRequest;
import org.queuedesk.common.ticket.IssueTicketRequest;
import org.queuedesk.common.ticket.TicketDto;
import org.queuedesk.common.ticket.TicketSource;
import org.queuedesk.server.notify.FakeSnsServer;
import org.queuedesk.server.notify.SmsTestServer;
import org.queuedesk.server.status.HeadlessChromium;
import org.queuedesk.server.testing.Api;

/**
 * Patients on their own phone (README, "Patients online"), end to end: the real server, its SMS through the
 * project's fake SNS (the code is read from there, as a phone would), and headless Chromium for the page.
 * Expected limits are the README's defaults: 3 codes per phone per hour, 5 wrong tries per code, 10 minutes.
 */
class OnlinePatientsIT {

    private static final Pattern CODE = Pattern.compile("\\b(\\d{6})\\b");
    private static FakeSnsServer sns;
    private static SmsTestServer server;
    private static Api api;
    private static AheadClock clock;
    private static long site;
    private static long gp;
    private static long nurse;
    private static int phones = 100;

    @BeforeAll
    static void start() {
        sns = FakeSnsServer.start();
        clock = new AheadClock();
        // a long SNS timeout: on a loaded machine a slow answer would pause sending and fail the wait for a code
        server = SmsTestServer.start(clock, SmsTestServer.fastRetries(sns, Duration.ofSeconds(20)));
        api = server.api();
        site = api.createSite("Riverside Clinic", "Europe/Madrid").id();
        gp = api.createService(site, "General practice", "A").id();
        nurse = api.createService(site, "Nurse", "N").id();
        long room = api.createRoom(site, "Room 2").id();
        api.openSession(room, List.of(gp), "dr.ruiz");
        put("/api/services/" + gp + "/names", new NamesRequest(Map.of("es", "Medicina general", "ar", "الطب العام")));
        put("/api/services/" + gp + "/remote-joining", new RemoteJoiningRequest(true, null, null, null));
    }

    /**
     * Real time, moved ahead by the tests: the SMS dispatcher waits on the clock (retries, pauses), so a
     * stopped clock would stop it; moving ahead ends the last test's hourly limits and expires codes.
     */
    static final class AheadClock extends java.time.Clock {
        private final AtomicReference<Duration> ahead = new AtomicReference<>(Duration.ZERO);

        void advance(Duration by) {
            ahead.updateAndGet(d -> d.plus(by));
        }

        @Override
        public ZoneId getZone() {
            return java.time.ZoneOffset.UTC;
        }

        @Override
        public java.time.Clock withZone(ZoneId zone) {
            return java.time.Clock.fixed(instant(), zone);
        }

        @Override
        public Instant instant() {
            return Instant.now().plus(ahead.get());
        }
    }

    @AfterAll
    static void stop() {
        server.close();
        sns.close();
    }

    @BeforeEach
    void anHourLater() {
        clock.advance(Duration.ofMinutes(61)); // the per-address limits of the last test are over
    }

    private static Api.Response put(String path, Object body) {
        try {
            return api.send(HttpRequest.newBuilder(URI.create(api.baseUrl() + path))
                    .header("Content-Type", "application/json")
                    .PUT(HttpRequest.BodyPublishers.ofString(Api.JSON.writeValueAsString(body))));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String newPhone() {
        return "+34600" + (100000 + phones++);
    }

    /** The newest code texted to {@code phone}, once the fake SNS has it. */
    private static String codeSentTo(String phone, int messagesBefore) {
        FakeSnsServer.await(Duration.ofSeconds(20), "a code texted to the phone",
                () -> sns.publishedTo(phone).size() > messagesBefore);
        var texts = sns.publishedTo(phone);
        var matcher = CODE.matcher(texts.get(texts.size() - 1).message());
        assertThat(matcher.find()).as("a 6-digit code in the text").isTrue();
        return matcher.group(1);
    }

    /** Taps a submit button after this call returns, so the call is not cut off by the page it leads to. */
    private static void submit(HeadlessChromium.Tab tab, String button) {
        tab.eval("setTimeout(function () { document.querySelector('" + button + "').click(); }, 0); true");
    }

    /** Waits for a condition on the page a form leads to: a wait cut off by the navigation starts again there. */
    private static void waitAcrossPages(HeadlessChromium.Tab tab, String condition) {
        for (int attempt = 1; ; attempt++) {
            try {
                tab.waitFor(condition);
                return;
            } catch (AssertionError e) {
                boolean navigated = String.valueOf(e.getMessage()).contains("navigated")
                        || String.valueOf(e.getMessage()).contains("context");
                if (!navigated || attempt == 5) {
                    throw e;
                }
            }
        }
    }

    private static PatientPhone phoneAtThePage() {
        var phone = new PatientPhone(api.baseUrl(), site);
        assertThat(phone.open(null, "en").status()).isEqualTo(200);
        return phone;
    }

    @Test
    void aPatientGetsANumberWithTheCodeFromTheirTextMessagesInChromium() throws Exception {
        String number = newPhone();
        try (var chromium = HeadlessChromium.start()) {
            var tab = chromium.newTab();
            tab.call("Page.navigate", Map.of("url", api.baseUrl() + "/p/" + site + "?lang=en"));
            tab.waitFor("document.readyState === 'complete' && !!document.getElementById('phone-" + gp + "')");
            assertThat(tab.text("#service-" + gp + " h2")).isEqualTo("General practice");
            assertThat(tab.text("#service-" + gp + " .facts")).startsWith("0 waiting · Estimated wait: ");
            assertThat(tab.text("#service-" + nurse + " .closed")).contains("Not available online now");
            tab.screenshot(Path.of("target", "screenshots", "online-services.png"));

            tab.eval("document.getElementById('phone-" + gp + "').value = '" + number + "'; true");
            submit(tab, "#service-" + gp + " button");
            waitAcrossPages(tab, "!!document.getElementById('code')");
            assertThat(tab.text("#code-sent")).contains("We sent a 6-digit code to +34");
            tab.screenshot(Path.of("target", "screenshots", "online-code.png"));

            String code = codeSentTo(number, 0);
            tab.eval("document.getElementById('code').value = '" + code + "'; true");
            submit(tab, "#get-number");
            waitAcrossPages(tab, "location.pathname.indexOf('/t/') === 0 && !!document.getElementById('number')");
            assertThat(tab.text("#number")).startsWith("A-");
            tab.screenshot(Path.of("target", "screenshots", "online-ticket.png"));
            var mine = api.get("/api/sites/" + site + "/tickets?number=" + tab.text("#number")).as(TicketDto.class);
            assertThat(mine.source()).as("staff see where it came from").isEqualTo(TicketSource.ONLINE);
        }
        // the ticket's confirmation is texted after its commit: wait for it, then no other
        FakeSnsServer.await(Duration.ofSeconds(20), "the ticket's confirmation texted",
                () -> sns.publishedTo(number).size() >= 2);
        assertThat(sns.publishedTo(number)).as("the code, then the ticket's confirmation").hasSize(2);
    }

    @Test
    void theArabicPageIsRightToLeftWithTheServiceInArabicAndFitsA320PixelPhone() throws Exception {
        var phone = new PatientPhone(api.baseUrl(), site);
        var page = phone.open(null, "ar-EG,ar;q=0.9,en;q=0.5");
        assertThat(page.body()).contains("dir=\"rtl\"").contains("lang=\"ar\"").contains("الطب العام");
        assertThat(phone.open(null, "es-ES").body()).contains("lang=\"es\"").contains("Medicina general");
        assertThat(phone.open("?lang=en", "ar").body()).as("the visible switch wins").contains("lang=\"en\"");

        try (var chromium = HeadlessChromium.start()) {
            var tab = chromium.newTab();
            tab.call("Page.navigate", Map.of("url", api.baseUrl() + "/p/" + site + "?lang=ar"));
            tab.waitFor("document.readyState === 'complete' && !!document.getElementById('phone-" + gp + "')");
            assertThat(tab.eval("getComputedStyle(document.body).direction").asText()).isEqualTo("rtl");
            tab.screenshot(Path.of("target", "screenshots", "online-services-ar.png"));
            tab.call("Emulation.setDeviceMetricsOverride",
                    Map.of("width", 320, "height", 640, "deviceScaleFactor", 2, "mobile", true));
            tab.waitFor("document.documentElement.clientWidth === 320");
            assertThat(tab.eval("document.documentElement.scrollWidth").asInt()).as("no sideways scrolling").isLessThanOrEqualTo(320);
            assertThat(tab.eval(LOWEST_CONTRAST).asDouble()).as("WCAG AA for text").isGreaterThanOrEqualTo(4.5);
        }
    }

    /** The lowest contrast ratio (WCAG 2 formula) of any visible text on the page against its background. */
    private static final String LOWEST_CONTRAST = """
            (function () {
              function rgb(c) { var m = c.match(/[\\d.]+/g).map(Number); return m; }
              function lum(c) { return [0, 1, 2].map(function (i) { var v = c[i] / 255;
                return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); })
                .reduce(function (s, v, i) { return s + v * [0.2126, 0.7152, 0.0722][i]; }, 0); }
              function background(el) { for (; el; el = el.parentElement) { var c = rgb(getComputedStyle(el).backgroundColor);
                if (c.length < 4 || c[3] > 0) { return c; } } return [255, 255, 255]; }
              var lowest = 21;
              document.querySelectorAll('body *').forEach(function (el) {
                var own = Array.prototype.some.call(el.childNodes, function (n) { return n.nodeType === 3 && n.textContent.trim(); });
                if (!own || !el.offsetParent) { return; }
                var a = lum(rgb(getComputedStyle(el).color)), b = lum(background(el));
                var ratio = (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
                lowest = Math.min(lowest, ratio);
              });
              return lowest;
            })()""";

    @Test
    void thePageIsSmallFetchesNothingElseAndSetsAStrictFormCookie() {
        var phone = new PatientPhone(api.baseUrl(), site);
        var page = phone.open(null, "en");
        assertThat(page.body().getBytes(StandardCharsets.UTF_8).length).isLessThan(100 * 1024);
        assertThat(page.body()).doesNotContain("src=\"http").doesNotContain("href=\"http").doesNotContain("<link");
        assertThat(phone.cookie).hasSize(22);
        assertThat(phone.form).isEqualTo(phone.cookie);
    }

    @Test
    void fiveWrongTriesVoidTheCodeAndAFourthCodeInAnHourIsRefused() {
        var patient = phoneAtThePage();
        String number = newPhone();
        assertThat(patient.askCode(gp, number, "application/json").status()).isEqualTo(200);
        String code = codeSentTo(number, 0);
        String wrong = code.equals("000000") ? "111111" : "000000";
        for (int i = 1; i <= 5; i++) {
            var answer = patient.takeTicket(gp, number, wrong, "application/json");
            assertThat(answer.status()).as("wrong try %d", i).isEqualTo(400);
            assertThat(answer.contentType()).startsWith("application/problem+json");
        }
        var right = patient.takeTicket(gp, number, code, "application/json");
        assertThat(right.status()).as("the right code after five wrong ones").isEqualTo(400);
        assertThat(right.body()).contains("ask for a new code");

        assertThat(patient.askCode(gp, number, "application/json").status()).isEqualTo(200);
        assertThat(patient.askCode(gp, number, "application/json").status()).isEqualTo(200);
        var fourth = patient.askCode(gp, number, "application/json");
        assertThat(fourth.status()).isEqualTo(429);
        assertThat(fourth.contentType()).startsWith("application/problem+json");
        var kindly = patient.askCode(gp, number, "text/html");
        assertThat(kindly.status()).isEqualTo(429);
        assertThat(kindly.body()).contains("Please use the last code you received");
        // the three accepted codes are texted after their answers (the outbox sends after commit): wait for the
        // third, then no more; a refused request writes nothing to the outbox
        codeSentTo(number, 2);
        assertThat(sns.publishedTo(number)).as("no text for the refused ones").hasSize(3);
    }

    @Test
    void aNumberTakesTwoTicketsOnlineIn24HoursAndNoThird() {
        var patient = phoneAtThePage();
        String number = newPhone();
        for (int ticket = 1; ticket <= 2; ticket++) {
            int before = codesTo(number);
            assertThat(patient.askCode(gp, number, "application/json").status()).isEqualTo(200);
            var taken = patient.takeTicket(gp, number, newestCode(number, before), "text/html");
            assertThat(taken.status()).as("online ticket %d", ticket).isEqualTo(303);
        }
        int before = codesTo(number);
        assertThat(patient.askCode(gp, number, "application/json").status()).isEqualTo(200);
        String third = newestCode(number, before);
        var refused = patient.takeTicket(gp, number, third, "application/json");
        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        var kindly = patient.takeTicket(gp, number, third, "text/html");
        assertThat(kindly.status()).isEqualTo(429);
        assertThat(kindly.body()).contains("This number already took as many numbers online as it can today");

        clock.advance(Duration.ofHours(24).plusMinutes(1)); // a day after the first: one ticket may be taken again
        var later = phoneAtThePage();
        before = codesTo(number);
        assertThat(later.askCode(gp, number, "application/json").status()).isEqualTo(200);
        String code = newestCode(number, before);
        assertThat(later.takeTicket(gp, number, code, "text/html").status()).isEqualTo(303);
    }

    /** The newest code texted to {@code phone} once it had more than {@code before} (tickets' texts come between). */
    private static String newestCode(String phone, int before) {
        FakeSnsServer.await(Duration.ofSeconds(20), "a code texted to the phone", () -> codesTo(phone) > before);
        var codes = sns.publishedTo(phone).stream().filter(p -> p.message().startsWith("Your code")).toList();
        var matcher = CODE.matcher(codes.get(codes.size() - 1).message());
        assertThat(matcher.find()).isTrue();
        return matcher.group(1);
    }

    /** How many texts with a code the fake SNS has for {@code phone}. */
    private static int codesTo(String phone) {
        return (int) sns.publishedTo(phone).stream().filter(p -> p.message().startsWith("Your code")).count();
    }

    @Test
    void aCodeForOnePhoneFailsForAnother() {
        var patient = phoneAtThePage();
        String mine = newPhone();
        String other = newPhone();
        patient.askCode(gp, mine, "application/json");
        String code = codeSentTo(mine, 0);
        assertThat(patient.takeTicket(gp, other, code, "application/json").status()).isEqualTo(400);
        var taken = patient.takeTicket(gp, mine, code, "text/html");
        assertThat(taken.status()).isEqualTo(303);
        assertThat(taken.location()).startsWith("/t/");
        assertThat(patient.takeTicket(gp, mine, code, "application/json").status()).as("used once only").isEqualTo(400);
    }

    @Test
    void aCodeExpiresAfterTenMinutes() {
        var patient = phoneAtThePage();
        String number = newPhone();
        patient.askCode(gp, number, "application/json");
        String code = codeSentTo(number, 0);
        clock.advance(Duration.ofMinutes(10).plusSeconds(1));
        var late = patient.takeTicket(gp, number, code, "text/html");
        assertThat(late.status()).isEqualTo(400);
        assertThat(late.body()).contains("This code has expired or can no longer be used");
    }

    @Test
    void aCrossSitePostIsRefused() {
        var patient = phoneAtThePage();
        String number = newPhone();
        var fields = patient.fields("service", gp, "phone", number);
        var evil = patient.post("/code", "application/json", "https://evil.example", fields);
        assertThat(evil.status()).isEqualTo(403);
        assertThat(evil.contentType()).startsWith("application/problem+json");

        var noCookie = new PatientPhone(api.baseUrl(), site);
        noCookie.form = patient.form; // a page can copy the token into its form, but not the cookie into the post
        assertThat(noCookie.post("/code", "application/json", null, fields).status()).isEqualTo(403);
        assertThat(sns.publishedTo(number)).isEmpty();
    }

    @Test
    void whatThePatientTypedIsEscaped() {
        var patient = phoneAtThePage();
        var answer = patient.askCode(gp, "<script>alert(1)</script>", "text/html");
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.body()).contains("&lt;script&gt;alert(1)&lt;/script&gt;").doesNotContain("<script>alert");
        assertThat(answer.body()).contains("We could not read this phone number");
    }

    @Test
    void anOptedOutNumberGetsNoCodeAndThePageSaysWhy() {
        String number = newPhone();
        var ticket = api.issue(new IssueTicketRequest(nurse, null, null, null, number, null, "en"));
        String token = api.get("/api/tickets/" + ticket.id() + "/status-link").as(StatusLinkDto.class).url()
                .replaceAll(".*/t/", "");
        assertThat(api.post("/t/" + token + "/stop-sms", null).status()).isEqualTo(200);
        var patient = phoneAtThePage();
        var answer = patient.askCode(gp, number, "text/html");
        assertThat(answer.body()).contains("This number stopped text messages from the clinic");
        assertThat(sns.publishedTo(number).stream().filter(p -> CODE.matcher(p.message()).find()
                && p.message().contains("code"))).isEmpty();
    }

    @Test
    void anAdminOpensCapsAndClosesRemoteJoining() {
        var patient = phoneAtThePage();
        String first = newPhone();
        String second = newPhone();
        assertThat(patient.askCode(nurse, first, "application/json").status()).as("closed by default").isEqualTo(409);
        try {
            assertThat(put("/api/services/" + nurse + "/remote-joining", new RemoteJoiningRequest(true, null, null, 1))
                    .status()).isEqualTo(200);
            assertThat(patient.askCode(nurse, first, "application/json").status()).isEqualTo(200);
            assertThat(patient.takeTicket(nurse, first, codeSentTo(first, 0), "text/html").status()).isEqualTo(303);
            var full = patient.askCode(nurse, second, "text/html");
            assertThat(full.status()).as("one online ticket waiting is the cap").isEqualTo(409);
            assertThat(full.body()).contains("as many online patients waiting as it can take");

            assertThat(api.post("/api/sites/" + site + "/remote-joining/close", null).status()).isEqualTo(200);
            var closed = patient.askCode(gp, second, "application/json");
            assertThat(closed.status()).isEqualTo(409);
            assertThat(api.get("/api/services/" + gp + "/remote-joining").json().path("open").asBoolean()).isFalse();
        } finally {
            put("/api/services/" + gp + "/remote-joining", new RemoteJoiningRequest(true, null, null, null));
            put("/api/services/" + nurse + "/remote-joining", new RemoteJoiningRequest(false, null, null, null));
        }
    }
}
