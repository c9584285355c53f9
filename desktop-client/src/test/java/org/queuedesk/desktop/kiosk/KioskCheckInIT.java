package org.queuedesk.desktop.kiosk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.queuedesk.desktop.testing.Screenshots.onFx;

import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import javafx.geometry.NodeOrientation;
import javafx.scene.Node;
import javafx.scene.control.Label;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.queuedesk.desktop.app.DeviceOptions;
import org.queuedesk.desktop.ground.Mode;
import org.queuedesk.desktop.ground.Theme;
import org.queuedesk.desktop.testing.CapturingEscPosPrinter;
import org.queuedesk.desktop.testing.Screenshots;
import org.queuedesk.desktop.testing.ShellHarness;
import org.queuedesk.server.testing.Api;
import org.queuedesk.server.testing.MutableClock;
import org.queuedesk.server.testing.TestServer;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * "I have an appointment" as a patient uses it, with the demo kiosk's device token against a real queue server:
 * in English, Spanish and Arabic, a wrong code first (a kind word in the patient's language, still on the
 * screen), then the right one typed in lower case on the code keyboard; the ticket is shown and printed.
 */
@ExtendWith(ApplicationExtension.class)
class KioskCheckInIT {

    private static final Clock CLOCK = Clock.systemUTC();
    private static final List<String> LANGUAGES = List.of("en", "es", "ar");

    /** Wednesday 25 March 2026: the test moves it to 08:00 at the demo site, whatever its zone. */
    private final MutableClock serverClock = new MutableClock(Instant.parse("2026-03-25T08:00:00Z"));
    private final TestServer server = TestServer.startDemoWithSignIn(serverClock);
    private final ShellHarness app = ShellHarness.against(server.baseUrl()).clock(CLOCK);
    private final CapturingEscPosPrinter printer = new CapturingEscPosPrinter();
    private Stage stage;
    private ShellHarness.OnScreen kiosk;

    KioskCheckInIT() throws Exception {
    }

    @Start
    void start(Stage primary) {
        this.stage = primary;
    }

    @AfterEach
    void tearDown() throws Exception {
        app.close();
        printer.close();
        server.close();
    }

    @Test
    void aPatientChecksInByCodeInEachLanguageAfterAWrongCode() throws Exception {
        List<String> codes = bookThreeAppointmentsToday();
        String wrong = wrongCode(codes);
        kiosk = app.startDevice(stage, Mode.KIOSK, "qdd_demo-kiosk", new DeviceOptions("2468", printer.spec(), false,
                Locale.ENGLISH, Duration.ofSeconds(60), Duration.ofSeconds(30)), () -> { });
        kiosk.waitFor("#kioskLanguage");

        for (int i = 0; i < LANGUAGES.size(); i++) {
            String lang = LANGUAGES.get(i);
            var messages = onFx(() -> Theme.messages(Locale.forLanguageTag(lang))).call();
            kiosk.click("#language-" + lang);
            kiosk.waitFor("#appointmentButton");
            Screenshots.save(kiosk.scene(), "kiosk-checkin-service-" + lang + ".png");
            kiosk.click("#appointmentButton");
            kiosk.waitFor("#codeKeypad");
            NodeOrientation expected = lang.equals("ar") ? NodeOrientation.RIGHT_TO_LEFT : NodeOrientation.LEFT_TO_RIGHT;
            assertThat(onFx(() -> kiosk.root().getEffectiveNodeOrientation()).call()).as(lang).isEqualTo(expected);
            Node typed = kiosk.lookup("#checkInTyped");
            assertThat(onFx(typed::getEffectiveNodeOrientation).call()).as("a code reads left to right")
                    .isEqualTo(NodeOrientation.LEFT_TO_RIGHT);

            type(wrong);
            assertThat(kiosk.text("#checkInTyped")).isEqualTo(String.join(" ", wrong.split("")));
            kiosk.click("#checkInButton");
            Label error = kiosk.lookup("#checkInError");
            String notFound = messages.getString("kiosk.checkIn.notFound");
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, onFx(() -> notFound.equals(error.getText())));
            assertThat(onFx(() -> kiosk.root().lookup("#kioskAppointment") != null).call()).as("still on the code screen")
                    .isTrue();
            Screenshots.save(kiosk.scene(), "kiosk-checkin-wrong-code-" + lang + ".png");

            for (int k = 0; k < wrong.length(); k++) {
                kiosk.click("#code-key-back");
            }
            type(codes.get(i));
            kiosk.click("#checkInButton");

            kiosk.waitFor("#doneNumber");
            String number = "A-00" + (i + 1); // README: numbers count up per service and day from A-001
            assertThat(kiosk.text("#doneNumber")).isEqualTo(number);
            assertThat(kiosk.text("#doneService")).isEqualTo("General practice");
            assertThat(kiosk.text("#doneAhead")).contains(List.of("09:00", "09:15", "09:30").get(i));
            Label delivery = kiosk.lookup("#doneDelivery");
            String taken = messages.getString("kiosk.done.printed");
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, onFx(() -> taken.equals(delivery.getText())));
            Screenshots.save(kiosk.scene(), "kiosk-checkin-done-" + lang + ".png");
            int job = i;
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> printer.jobs().size() > job);
            assertThat(CapturingEscPosPrinter.contains(printer.jobs().get(i), number.getBytes(StandardCharsets.US_ASCII)))
                    .isTrue();

            kiosk.click("#finishButton");
            kiosk.waitFor("#language-en");
        }

        var tickets = staff().get("/api/services/1/tickets").json();
        assertThat(tickets).hasSize(3);
        tickets.forEach(t -> assertThat(t.get("source").asText()).isEqualTo("appointment"));
    }

    /**
     * A kiosk set up without a printer (README: {@code --printer=none}, the number on screen): a check-in shows the
     * number with the note to write it down, no printer problem, and tells reception nothing about a printer.
     * Before, it tried to print and told the patient the printer was not answering.
     */
    @Test
    void aCheckInAtAKioskWithoutAPrinterShowsTheNumberAndNoPrinterProblem() throws Exception {
        String code = bookThreeAppointmentsToday().get(0);
        kiosk = app.startDevice(stage, Mode.KIOSK, "qdd_demo-kiosk", new DeviceOptions("2468", "none", false,
                Locale.ENGLISH, Duration.ofSeconds(60), Duration.ofSeconds(30)), () -> { });
        kiosk.waitFor("#kioskLanguage");
        var messages = onFx(() -> Theme.messages(Locale.ENGLISH)).call();
        kiosk.click("#language-en");
        kiosk.waitFor("#appointmentButton");
        kiosk.click("#appointmentButton");
        kiosk.waitFor("#codeKeypad");
        type(code);
        kiosk.click("#checkInButton");

        kiosk.waitFor("#doneNumber");
        assertThat(kiosk.text("#doneNumber")).isEqualTo("A-001"); // README: numbers count up from A-001
        Label delivery = kiosk.lookup("#doneDelivery");
        String note = messages.getString("kiosk.number.note");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, onFx(() -> note.equals(delivery.getText())));
        Node problem = kiosk.lookup("#printProblem");
        assertThat(onFx(() -> problem.isVisible() && problem.getScene() != null
                && problem.getParent().isVisible() && !((Label) problem).getText().isEmpty()).call())
                .as("no printer problem is shown").isFalse();
        Screenshots.save(kiosk.scene(), "kiosk-checkin-no-printer-en.png");
        assertThat(staff().get("/api/sites/1/devices/printers").body()).as("no printer trouble reported for the kiosk")
                .doesNotContain("offline");
    }

    @Test
    void escapeDoesNotLeaveTheCheckInAndTheIdleTimeoutStartsOver(FxRobot robot) throws Exception {
        AtomicInteger quits = new AtomicInteger();
        kiosk = app.startDevice(stage, Mode.KIOSK, "qdd_demo-kiosk", new DeviceOptions("2468", printer.spec(), false,
                Locale.ENGLISH, Duration.ofSeconds(5), Duration.ofSeconds(30)), quits::incrementAndGet);
        kiosk.waitFor("#kioskLanguage");
        kiosk.click("#language-es");
        kiosk.click("#appointmentButton");
        kiosk.waitFor("#codeKeypad");
        kiosk.click("#switchModeButton");
        kiosk.click("#phone-key-6");
        assertThat(kiosk.text("#checkInTitle")).isEqualTo(
                onFx(() -> Theme.messages(Locale.forLanguageTag("es")).getString("kiosk.checkIn.phoneTitle")).call());
        Screenshots.save(kiosk.scene(), "kiosk-checkin-phone-es.png");

        robot.type(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(onFx(stage::isShowing).call()).isTrue();
        assertThat(quits.get()).isZero();

        // the idle timeout, like every kiosk screen: back to the start, in the kiosk's own language
        kiosk.waitFor("#language-en", 15);
        assertThat(onFx(() -> kiosk.root().lookup("#kioskAppointment")).call()).isNull();
    }

    /**
     * Seen by hand in Arabic: a refusal's two lines pushed the keys and the buttons down under the patient's finger,
     * and the invalid phone's example read "34+" at a line's end with "600 123 456." on the next. A refusal now
     * shows in a place kept for it, and the example stays left to right (BidiText: a LEFT-TO-RIGHT MARK each side)
     * and whole on one line (no-break spaces inside it).
     */
    @Test
    void aRefusalInArabicMovesNoKeyAndItsPhoneExampleReadsLeftToRight() throws Exception {
        kiosk = app.startDevice(stage, Mode.KIOSK, "qdd_demo-kiosk", new DeviceOptions("2468", printer.spec(), false,
                Locale.ENGLISH, Duration.ofSeconds(60), Duration.ofSeconds(30)), () -> { });
        kiosk.waitFor("#kioskLanguage");
        kiosk.click("#language-ar");
        kiosk.click("#appointmentButton");
        kiosk.waitFor("#codeKeypad");
        var messages = onFx(() -> Theme.messages(Locale.forLanguageTag("ar"))).call();
        Label error = kiosk.lookup("#checkInError");

        double[] before = places("#code-key-3", "#code-key-back", "#checkInButton");
        type("7KX4PA");
        kiosk.click("#checkInButton");
        String notFound = messages.getString("kiosk.checkIn.notFound");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, onFx(() -> notFound.equals(error.getText())));
        WaitForAsyncUtils.waitForFxEvents();
        Screenshots.save(kiosk.scene(), "kiosk-checkin-wrong-code-keys-stay-ar.png");
        assertThat(places("#code-key-3", "#code-key-back", "#checkInButton")).as("keys and buttons, top edges")
                .containsExactly(before);

        kiosk.click("#switchModeButton");
        kiosk.waitFor("#phone-key-1");
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, onFx(() -> error.getText() == null || error.getText().isEmpty()));
        double[] phoneBefore = places("#phone-key-1", "#phone-key-0", "#checkInButton");
        kiosk.click("#phone-key-1");
        kiosk.click("#checkInButton");
        String invalid = messages.getString("kiosk.phone.invalid");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, onFx(() -> invalid.equals(error.getText())));
        WaitForAsyncUtils.waitForFxEvents();
        Screenshots.save(kiosk.scene(), "kiosk-checkin-invalid-phone-ar.png");
        assertThat(places("#phone-key-1", "#phone-key-0", "#checkInButton")).as("keys and buttons, top edges")
                .containsExactly(phoneBefore);
        assertThat(invalid).as("the example phone kept left to right").contains("\u200e+34\u00a0600\u00a0123\u00a0456\u200e");
    }

    /** The top edges, in the scene, of the nodes with these ids. */
    private double[] places(String... ids) throws Exception {
        double[] tops = new double[ids.length];
        for (int i = 0; i < ids.length; i++) {
            Node node = kiosk.lookup(ids[i]);
            tops[i] = onFx(() -> node.localToScene(node.getLayoutBounds()).getMinY()).call();
        }
        return tops;
    }

    private void type(String code) throws Exception {
        for (char c : code.toLowerCase(Locale.ROOT).toCharArray()) {
            kiosk.click("#code-key-" + Character.toUpperCase(c));
        }
    }

    /** A code of the alphabet that none of the bookings has. */
    private static String wrongCode(List<String> codes) {
        for (String candidate : List.of("7KX4PA", "9CEFGH", "JKMNPR")) {
            if (!codes.contains(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("three codes cannot take all three candidates");
    }

    /** dr.kiosk at the demo site's General practice, 09:00, 09:15 and 09:30 today; their codes. */
    private List<String> bookThreeAppointmentsToday() throws Exception {
        Api admin = staff();
        ZoneId zone = ZoneId.of(admin.get("/api/sites/1").json().get("timeZone").asText());
        LocalDate today = LocalDate.parse("2026-03-25");
        serverClock.set(today.atTime(8, 0).atZone(zone).toInstant());
        assertThat(admin.post("/api/users", java.util.Map.of("username", "dr.kiosk", "password",
                "a-long-enough-password-1", "roles", List.of("doctor"))).status()).isEqualTo(201);
        String schedule = "{\"blocks\":[{\"weekday\":3,\"start\":\"09:00\",\"end\":\"12:00\",\"serviceIds\":[1],"
                + "\"slotMinutes\":15}]}";
        var put = admin.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/api/sites/1/schedules/dr.kiosk"))
                .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(schedule)));
        assertThat(put.status()).as(put.body()).isEqualTo(200);
        var codes = new ArrayList<String>();
        for (String time : List.of("09:00", "09:15", "09:30")) {
            Instant slot = today.atTime(java.time.LocalTime.parse(time)).atZone(zone).toInstant();
            var booked = admin.post("/api/appointments", java.util.Map.of("serviceId", 1, "doctor", "dr.kiosk",
                    "slotStart", slot.toString(), "patientName", "Zoe Kiosk"));
            assertThat(booked.status()).as(booked.body()).isEqualTo(201);
            codes.add(booked.json().get("code").asText());
        }
        return codes;
    }

    private Api staff() {
        return server.api().signedInAs("admin", "admin");
    }
}
