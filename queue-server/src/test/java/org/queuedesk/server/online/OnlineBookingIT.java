package org.queuedesk.server.online;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.queuedesk.common.Role;
import org.queuedesk.common.appointment.AppointmentDto;
import org.queuedesk.common.appointment.AppointmentState;
import org.queuedesk.common.appointment.ScheduleBlockRequest;
import org.queuedesk.common.appointment.ScheduleRequest;
import org.queuedesk.common.auth.CreateUserRequest;
import org.queuedesk.server.notify.FakeSnsServer;
import org.queuedesk.server.notify.SmsTestServer;
import org.queuedesk.server.online.OnlinePatientsIT.AheadClock;
import org.queuedesk.server.status.HeadlessChromium;
import org.queuedesk.server.testing.Api;

/**
 * Booking an appointment from the patient's phone and its manage link (README, "Patients online"), end to end:
 * the real server, the code read from the project's fake SNS, headless Chromium at 390×844. A doctor works every
 * day 08:00-20:00 in 30-minute slots of one place, so there is a free slot in the next two weeks whenever the
 * test runs. Expected limits are README's defaults: 2 bookings per number per 24 hours.
 */
class OnlineBookingIT {

    private static final Pattern CODE = Pattern.compile("\\b(\\d{6})\\b");
    private static final Pattern LINK = Pattern.compile("/m/([A-Za-z0-9_-]{32})");
    private static final String NAME = "<script>window.hacked=1</script> Ana";
    private static FakeSnsServer sns;
    private static SmsTestServer server;
    private static Api api;
    private static AheadClock clock;
    private static long site;
    private static long gp;
    private static int phones = 500;

    @BeforeAll
    static void start() {
        sns = FakeSnsServer.start();
        clock = new AheadClock();
        server = SmsTestServer.start(clock, SmsTestServer.fastRetries(sns, Duration.ofSeconds(20)));
        api = server.api();
        site = api.createSite("Riverside Clinic", "Europe/Madrid").id();
        gp = api.createService(site, "General practice", "A").id();
        long room = api.createRoom(site, "Room 2").id();
        assertThat(api.post("/api/users", new CreateUserRequest("dr.ruiz", "a-long-enough-password-1",
                List.of(Role.DOCTOR))).status()).isIn(200, 201, 409);
        var blocks = java.util.stream.IntStream.rangeClosed(1, 7).mapToObj(day -> new ScheduleBlockRequest(day,
                "08:00", "20:00", List.of(gp), room, 30, 1)).toList();
        var schedule = send("PUT", "/api/sites/" + site + "/schedules/dr.ruiz", new ScheduleRequest(blocks));
        assertThat(schedule.status()).as(schedule.body()).isEqualTo(200);
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

    @Test
    void aPatientBooksWithTheCodeFromTheirTextsAndLandsOnTheBookedPage() throws Exception {
        String number = newPhone();
        try (var chromium = HeadlessChromium.start()) {
            var tab = phoneTab(chromium);
            tab.call("Page.navigate", Map.of("url", api.baseUrl() + "/p/" + site + "?lang=en"));
            tab.waitFor("document.readyState === 'complete' && !!document.getElementById('book-" + gp + "')");
            submit(tab, "#book-" + gp);
            waitAcrossPages(tab, "!!document.getElementById('days-step') && !!document.querySelector('.days a')");
            tab.screenshot(Path.of("target", "screenshots", "online-book-days.png"));
            submit(tab, ".days a");
            waitAcrossPages(tab, "!!document.getElementById('slots-step') && !!document.querySelector('input[name=slot]')");
            String slot = tab.eval("document.querySelector('input[name=slot]').value").asText();
            tab.eval("document.querySelector('input[name=slot]').checked = true;"
                    + " document.getElementById('phone').value = '" + number + "'; true");
            tab.screenshot(Path.of("target", "screenshots", "online-book-slots.png"));
            submit(tab, "#slot-next");
            waitAcrossPages(tab, "!!document.getElementById('code')");
            assertThat(tab.text("#code-sent")).contains("We sent a 6-digit code to +34");

            tab.eval("document.getElementById('code').value = '" + codeSentTo(number, 0) + "'; true");
            submit(tab, "#check-code");
            waitAcrossPages(tab, "!!document.getElementById('name')");
            tab.eval("document.getElementById('name').value = " + jsString(NAME) + "; true");
            tab.screenshot(Path.of("target", "screenshots", "online-book-name.png"));
            submit(tab, "#book-now");
            waitAcrossPages(tab, "location.pathname.indexOf('/m/') === 0 && !!document.getElementById('manage-link')");
            tab.screenshot(Path.of("target", "screenshots", "online-booked.png"));

            assertThat(tab.text("#message")).isEqualTo("Your appointment is booked.");
            assertThat(tab.text("#booking-name")).as("shown as typed, not run").isEqualTo(NAME);
            assertThat(tab.eval("String(window.hacked)").asText()).isEqualTo("undefined");
            assertThat(tab.text("#booking-doctor")).isEqualTo("dr.ruiz");
            assertThat(tab.text("#booking-place")).isEqualTo("Room 2, Riverside Clinic");
            assertThat(tab.text("#booking-state")).isEqualTo("Booked");
            String token = tab.eval("location.pathname").asText().substring(3);
            assertThat(tab.text("#manage-link")).endsWith("/m/" + token);

            var mine = bookingAt(slot);
            assertThat(mine.state()).isEqualTo(AppointmentState.BOOKED);
            assertThat(mine.patientName()).isEqualTo(NAME);
            assertThat(mine.phone()).as("masked for staff").startsWith("+34").contains("*");
            assertThat(tab.text("#booking-time")).isEqualTo(mine.localTime());
        }
        FakeSnsServer.await(Duration.ofSeconds(20), "the manage link texted",
                () -> sns.publishedTo(number).stream().anyMatch(p -> LINK.matcher(p.message()).find()));
    }

    @Test
    void theManageLinkCancelsAfterAConfirmStep() throws Exception {
        var booked = bookOverHttp(newPhone());
        try (var chromium = HeadlessChromium.start()) {
            var tab = phoneTab(chromium);
            tab.call("Page.navigate", Map.of("url", api.baseUrl() + "/m/" + booked.token() + "?lang=es"));
            tab.waitFor("document.readyState === 'complete' && !!document.getElementById('cancel')");
            assertThat(tab.text("#booking-state")).isEqualTo("Reservada");
            tab.screenshot(Path.of("target", "screenshots", "online-manage-es.png"));
            submit(tab, "#cancel");
            waitAcrossPages(tab, "!!document.getElementById('cancel-yes')");
            tab.screenshot(Path.of("target", "screenshots", "online-manage-cancel.png"));
            assertThat(api.get("/api/appointments/" + booked.id()).as(AppointmentDto.class).state())
                    .as("nothing happens before the confirm").isEqualTo(AppointmentState.BOOKED);
            submit(tab, "#cancel-yes");
            waitAcrossPages(tab, "location.search.indexOf('done=cancelled') >= 0 && !!document.getElementById('booking-state')");
            assertThat(tab.text("#message")).isEqualTo("Su cita está anulada.");
            assertThat(tab.text("#booking-state")).isEqualTo("Anulada");
            assertThat(tab.eval("!!document.getElementById('cancel')").asBoolean()).as("nothing left to change").isFalse();
        }
        assertThat(api.get("/api/appointments/" + booked.id()).as(AppointmentDto.class).state())
                .isEqualTo(AppointmentState.CANCELLED);
    }

    @Test
    void theManageLinkMovesTheBookingToAnotherFreeTimeInArabicRightToLeft() throws Exception {
        var booked = bookOverHttp(newPhone());
        var before = api.get("/api/appointments/" + booked.id()).as(AppointmentDto.class);
        try (var chromium = HeadlessChromium.start()) {
            var tab = phoneTab(chromium);
            tab.call("Page.navigate", Map.of("url", api.baseUrl() + "/m/" + booked.token() + "?lang=ar"));
            tab.waitFor("document.readyState === 'complete' && !!document.getElementById('move')");
            assertThat(tab.eval("getComputedStyle(document.body).direction").asText()).isEqualTo("rtl");
            tab.screenshot(Path.of("target", "screenshots", "online-manage-ar.png"));
            submit(tab, "#move");
            waitAcrossPages(tab, "!!document.querySelector('.days a')");
            submit(tab, ".days a");
            waitAcrossPages(tab, "!!document.querySelector('input[name=slot]')");
            // another free time than the booking's own
            String target = tab.eval("Array.prototype.map.call(document.querySelectorAll('input[name=slot]'),"
                    + " function (i) { return i.value; }).filter(function (v) { return v !== '"
                    + before.slotStart() + "'; })[0]").asText();
            tab.eval("document.querySelector('input[value=\"" + target + "\"]').checked = true; true");
            tab.screenshot(Path.of("target", "screenshots", "online-manage-move.png"));
            submit(tab, "#slot-next");
            waitAcrossPages(tab, "location.search.indexOf('done=moved') >= 0 && !!document.getElementById('booking-time')");
            assertThat(tab.text("#message")).isEqualTo("تم نقل موعدك.");
            var after = api.get("/api/appointments/" + booked.id()).as(AppointmentDto.class);
            assertThat(after.slotStart().toString()).isEqualTo(target);
            assertThat(after.state()).isEqualTo(AppointmentState.BOOKED);
            assertThat(tab.text("#booking-time")).isEqualTo(after.localTime());
        }
    }

    @Test
    void anUnknownOrPassedLinkGetsAKind404Page() throws Exception {
        var booked = bookOverHttp(newPhone());
        try (var chromium = HeadlessChromium.start()) {
            var tab = phoneTab(chromium);
            tab.call("Page.navigate", Map.of("url", api.baseUrl() + "/m/" + "A".repeat(32) + "?lang=en"));
            tab.waitFor("document.readyState === 'complete' && !!document.getElementById('not-found')");
            assertThat(tab.text("#not-found")).contains("This link is not valid, or its appointment has already passed");
            tab.screenshot(Path.of("target", "screenshots", "online-manage-404.png"));

            clock.advance(Duration.ofDays(OnlineBookings.DAYS_AHEAD + 1)); // the booking's slot has ended
            tab.call("Page.navigate", Map.of("url", api.baseUrl() + "/m/" + booked.token()));
            tab.waitFor("document.readyState === 'complete' && !!document.getElementById('not-found')");
        }
        assertThat(get("/m/" + booked.token()).statusCode()).isEqualTo(404);
        assertThat(get("/m/short").statusCode()).isEqualTo(404);
    }

    @Test
    void aThirdBookingFromOneNumberIn24HoursIsRefusedKindly() {
        String number = newPhone();
        bookOverHttp(number);
        bookOverHttp(number);
        var patient = new PatientPhone(api.baseUrl(), site);
        patient.open(null, "en");
        String slot = firstFreeSlot(patient);
        int codesBefore = countCodes(number);
        assertThat(patient.post("/book/code", "text/html", api.baseUrl(),
                patient.fields("service", gp, "slot", slot, "phone", number)).status()).isEqualTo(200);
        String code = codeSentTo(number, codesBefore);
        var third = patient.post("/book", "text/html", api.baseUrl(),
                patient.fields("service", gp, "slot", slot, "phone", number, "code", code, "name", "Ana"));
        assertThat(third.status()).isEqualTo(429);
        assertThat(third.body()).contains("This number already booked as many appointments online as it can");
        var asJson = patient.post("/book", "application/json", api.baseUrl(),
                patient.fields("service", gp, "slot", slot, "phone", number, "code", code, "name", "Ana"));
        assertThat(asJson.status()).isEqualTo(429);
        assertThat(asJson.contentType()).startsWith("application/problem+json");
    }

    @Test
    void aCrossSitePostOfTheManagePageIsRefused() {
        var booked = bookOverHttp(newPhone());
        var request = HttpRequest.newBuilder(URI.create(api.baseUrl() + "/m/" + booked.token() + "/cancel"))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Accept", "application/json")
                .header("Origin", "https://evil.example").POST(HttpRequest.BodyPublishers.ofString("lang=en"));
        assertThat(api.send(request).status()).isEqualTo(403);
        assertThat(api.get("/api/appointments/" + booked.id()).as(AppointmentDto.class).state())
                .isEqualTo(AppointmentState.BOOKED);
    }

    // ---- helpers

    /** A booking made over plain HTTP as the page's forms would post it: its id and manage token. */
    record Booked(long id, String token) {
    }

    private static Booked bookOverHttp(String number) {
        var patient = new PatientPhone(api.baseUrl(), site);
        patient.open(null, "en");
        String slot = firstFreeSlot(patient);
        int codesBefore = countCodes(number);
        var asked = patient.post("/book/code", "text/html", api.baseUrl(),
                patient.fields("service", gp, "slot", slot, "phone", number));
        assertThat(asked.status()).as(asked.body()).isEqualTo(200);
        String code = codeSentTo(number, codesBefore);
        var checked = patient.post("/book/verify", "text/html", api.baseUrl(),
                patient.fields("service", gp, "slot", slot, "phone", number, "code", code));
        assertThat(checked.body()).contains("id=\"name\"");
        var booked = patient.post("/book", "text/html", api.baseUrl(),
                patient.fields("service", gp, "slot", slot, "phone", number, "code", code, "name", "Ana Ruiz"));
        assertThat(booked.status()).as(booked.body()).isEqualTo(303);
        var matcher = LINK.matcher(booked.location());
        assertThat(matcher.find()).isTrue();
        return new Booked(bookingAt(slot).id(), matcher.group(1));
    }

    /** The first free time the page offers on its first day with one (the patient is then on that day's page). */
    private static String firstFreeSlot(PatientPhone patient) {
        var days = patient.open("/book?service=" + gp + "&lang=en", "en").body();
        var day = Pattern.compile("id=\"day-([0-9-]+)\"").matcher(days);
        assertThat(day.find()).as("a day with free times").isTrue();
        // the day's page holds the form (and its token) that asks for a code
        var slots = patient.open("/book?service=" + gp + "&day=" + day.group(1) + "&lang=en", "en").body();
        var slot = Pattern.compile("name=\"slot\" value=\"([^\"]+)\"").matcher(slots);
        assertThat(slot.find()).isTrue();
        return slot.group(1);
    }

    private static AppointmentDto bookingAt(String slotStart) {
        var day = java.time.Instant.parse(slotStart).atZone(java.time.ZoneId.of("Europe/Madrid")).toLocalDate();
        return List.of(api.get("/api/sites/" + site + "/appointments?date=" + day).as(AppointmentDto[].class)).stream()
                .filter(a -> a.slotStart().toString().equals(slotStart) && a.state() == AppointmentState.BOOKED)
                .findFirst().orElseThrow();
    }

    private static int countCodes(String phone) {
        return (int) sns.publishedTo(phone).stream().filter(p -> p.message().contains("Your code")).count();
    }

    /** The newest code texted to {@code phone}, once the fake SNS has more than {@code codesBefore} codes. */
    private static String codeSentTo(String phone, int codesBefore) {
        FakeSnsServer.await(Duration.ofSeconds(20), "a code texted to the phone", () -> countCodes(phone) > codesBefore);
        var codes = sns.publishedTo(phone).stream().filter(p -> p.message().contains("Your code")).toList();
        var matcher = CODE.matcher(codes.get(codes.size() - 1).message());
        assertThat(matcher.find()).isTrue();
        return matcher.group(1);
    }

    private static HeadlessChromium.Tab phoneTab(HeadlessChromium chromium) throws Exception {
        var tab = chromium.newTab();
        tab.call("Emulation.setDeviceMetricsOverride",
                Map.of("width", 390, "height", 844, "deviceScaleFactor", 1, "mobile", true));
        return tab;
    }

    private static String newPhone() {
        return "+34611" + (100000 + phones++);
    }

    private static String jsString(String value) {
        return "'" + value.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }

    /** Taps after this call returns, so the call is not cut off by the page it leads to. */
    private static void submit(HeadlessChromium.Tab tab, String selector) {
        tab.eval("setTimeout(function () { document.querySelector('" + selector + "').click(); }, 0); true");
    }

    /** Waits for a condition on the page a tap leads to: a wait cut off by the navigation starts again there. */
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

    private static java.net.http.HttpResponse<String> get(String path) {
        try {
            return java.net.http.HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(api.baseUrl() + path))
                    .header("Accept", "text/html").GET().build(), java.net.http.HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static Api.Response send(String method, String path, Object body) {
        try {
            return api.send(HttpRequest.newBuilder(URI.create(api.baseUrl() + path))
                    .header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(Api.JSON.writeValueAsString(body))));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
