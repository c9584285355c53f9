package org.queuedesk.desktop.kiosk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.queuedesk.desktop.testing.Screenshots.onFx;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.geometry.NodeOrientation;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.queuedesk.desktop.app.AppShell;
import org.queuedesk.desktop.app.DeviceOptions;
import org.queuedesk.desktop.app.Mode;
import org.queuedesk.desktop.app.Theme;
import org.queuedesk.desktop.testing.CapturingEscPosPrinter;
import org.queuedesk.desktop.testing.Screenshots;
import org.queuedesk.desktop.testing.ShellHarness;
import org.queuedesk.server.testing.Api;
import org.queuedesk.server.testing.TestServer;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The kiosk as a patient uses it, signed in with the demo kiosk's device token against a real queue server
 * (real sign-in, temporary SQLite file), printing into an ESC/POS printer on loopback.
 */
@ExtendWith(ApplicationExtension.class)
class KioskIT {

    private static final Clock CLOCK = Clock.systemUTC();
    private static final String KIOSK_TOKEN = "qdd_demo-kiosk";
    private static final byte[] CUT = {0x1D, 0x56};

    private TestServer server = TestServer.startDemoWithSignIn(CLOCK);
    private final ShellHarness app = ShellHarness.against(server.baseUrl()).clock(CLOCK);
    private final CapturingEscPosPrinter printer = new CapturingEscPosPrinter();
    private final AtomicInteger quits = new AtomicInteger();
    private Stage stage;
    private AppShell shell;
    private Scene scene;

    KioskIT() throws Exception {
    }

    @Start
    void start(Stage primary) {
        this.stage = primary;
    }

    /** Starts the kiosk the way its launcher does: straight into kiosk mode with the device token. */
    private void startKiosk(Duration idle, Duration confirmation) throws Exception {
        startKiosk(idle, confirmation, printer.spec());
    }

    private void startKiosk(Duration idle, Duration confirmation, String printerSpec) throws Exception {
        var kiosk = app.startDevice(stage, Mode.KIOSK, KIOSK_TOKEN,
                new DeviceOptions("2468", printerSpec, false, Locale.ENGLISH, idle, confirmation), quits::incrementAndGet);
        shell = kiosk.shell();
        scene = kiosk.scene();
        waitFor("#kioskLanguage");
    }

    @AfterEach
    void tearDown() throws Exception {
        app.close();
        printer.close();
        server.close();
    }

    @Test
    void aPatientPrintsATicketInEachLanguageAndTheKioskStartsOverByItself() throws Exception {
        startKiosk(Duration.ofSeconds(60), Duration.ofSeconds(4));
        Screenshots.save(scene, "kiosk-language.png");
        List<String> languages = List.of("en", "es", "ar");
        List<String> printed = List.of("Please take your ticket.", "Recoja su ticket, por favor.",
                "\u064a\u0631\u062c\u0649 \u0623\u062e\u0630 \u062a\u0630\u0643\u0631\u062a\u0643.");
        for (int i = 0; i < languages.size(); i++) {
            String lang = languages.get(i);
            String number = "A-00" + (i + 1);
            click("#language-" + lang);
            waitFor("#service-A");
            NodeOrientation expected = lang.equals("ar") ? NodeOrientation.RIGHT_TO_LEFT : NodeOrientation.LEFT_TO_RIGHT;
            assertThat(onFx(() -> scene.getRoot().getEffectiveNodeOrientation()).call()).as(lang).isEqualTo(expected);
            Node serviceScreen = lookup("#kioskService");
            assertThat(onFx(serviceScreen::getEffectiveNodeOrientation).call()).isEqualTo(expected);
            Screenshots.save(scene, "kiosk-service-" + lang + ".png");

            click("#service-A");
            waitFor("#printButton");
            Screenshots.save(scene, "kiosk-delivery-" + lang + ".png");
            click("#printButton");

            waitFor("#doneNumber");
            Label delivery = lookup("#doneDelivery");
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, onFx(() -> printed.get(languages.indexOf(lang))
                    .equals(delivery.getText())));
            assertThat(text("#doneNumber")).isEqualTo(number);
            assertThat(text("#doneAhead")).isNotBlank();
            assertThat(text("#doneWait")).isNotBlank();
            Screenshots.save(scene, "kiosk-done-" + lang + ".png");

            int jobIndex = i;
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> printer.jobs().size() > jobIndex);
            byte[] job = printer.jobs().get(i);
            assertThat(CapturingEscPosPrinter.contains(job, number.getBytes(StandardCharsets.US_ASCII))).isTrue();
            assertThat(CapturingEscPosPrinter.contains(job, CUT)).as("a cut command").isTrue();
            assertThat(CapturingEscPosPrinter.contains(job, "/t/".getBytes(StandardCharsets.US_ASCII)))
                    .as("the status link as a QR code").isTrue();

            // back to the language screen by itself, in English again
            waitFor("#language-en", 10);
            assertThat(onFx(() -> scene.getRoot().getEffectiveNodeOrientation()).call())
                    .isEqualTo(NodeOrientation.LEFT_TO_RIGHT);
        }
        // the server knows them as kiosk tickets without personal data
        JsonNode tickets = staff().get("/api/services/1/tickets").json();
        assertThat(tickets).hasSize(3);
        assertThat(tickets.get(0).get("source").asText()).isEqualTo("kiosk");
    }

    @Test
    void textMeMyNumberShowsTheServersReasonForABadNumberThenIssuesATicketWithThePhone() throws Exception {
        startKiosk(Duration.ofSeconds(60), Duration.ofSeconds(30));
        click("#language-en");
        click("#service-B");
        click("#textButton");
        waitFor("#key-1");
        click("#key-1");
        click("#key-2");
        click("#sendButton");
        Label error = lookup("#phoneError");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, onFx(() -> !error.getText().isBlank()));
        assertThat(text("#phoneError")).startsWith("That number does not look right.");
        Screenshots.save(scene, "kiosk-phone-error.png");

        click("#key-back");
        click("#key-back");
        for (char key : "+34600123456".toCharArray()) {
            click(key == '+' ? "#key-plus" : "#key-" + key);
        }
        assertThat(text("#phoneLabel")).isEqualTo("+34600123456");
        Screenshots.save(scene, "kiosk-phone.png");
        click("#sendButton");
        waitFor("#doneNumber");
        assertThat(text("#doneNumber")).isEqualTo("B-001");
        assertThat(text("#doneDelivery")).contains("+34\u2022\u2022\u2022\u2022\u2022\u2022456")
                .doesNotContain("600123");
        Screenshots.save(scene, "kiosk-texted.png");

        long id = onFx(() -> ((KioskViewModel) shell.currentScreen()).issuedProperty().get().ticket().id()).call();
        JsonNode ticket = staff().get("/api/tickets/" + id).json();
        assertThat(ticket.get("phone").asText()).isEqualTo("+34******456"); // staff see it masked
        assertThat(staff().get("/api/tickets/" + id + "/phone").json().get("phone").asText()).isEqualTo("+34600123456");
        assertThat(ticket.get("source").asText()).isEqualTo("kiosk");
        assertThat(printer.jobs()).isEmpty();
    }

    @Test
    void aPrinterOutOfPaperIsShownAndPrintingAgainNeverIssuesASecondTicket() throws Exception {
        startKiosk(Duration.ofSeconds(60), Duration.ofSeconds(30));
        printer.paperOut(true);
        click("#language-en");
        click("#service-A");
        click("#printButton");
        waitFor("#doneNumber");
        Label problem = lookup("#printProblem");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, onFx(() -> "The printer is out of paper.".equals(problem.getText())));
        Screenshots.save(scene, "kiosk-paper-out.png");
        assertThat(printer.jobs()).isEmpty();

        printer.paperOut(false);
        click("#retryPrintButton");
        Label delivery = lookup("#doneDelivery");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, onFx(() -> "Please take your ticket.".equals(delivery.getText())));
        // the capturing printer files a job when it has read the closed connection, a moment after the kiosk is done
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !printer.jobs().isEmpty());
        assertThat(printer.jobs()).hasSize(1);
        assertThat(CapturingEscPosPrinter.contains(printer.jobs().get(0), "A-001".getBytes(StandardCharsets.US_ASCII))).isTrue();
        assertThat(staff().get("/api/services/1/tickets").json()).hasSize(1);
    }

    @Test
    void withoutAPrinterAPatientWithoutAPhoneSeesTheNumberBigOnScreenInTheirLanguage() throws Exception {
        startKiosk(Duration.ofSeconds(60), Duration.ofSeconds(4), "none");
        click("#language-en");
        click("#service-A");
        waitFor("#screenButton");
        assertThat(onFx(() -> scene.getRoot().lookup("#printButton").isVisible()).call()).isFalse();
        javafx.scene.control.Button screenButton = lookup("#screenButton");
        assertThat(onFx(screenButton::getText).call()).isEqualTo("Show my number on screen");
        Screenshots.save(scene, "kiosk-delivery-no-printer-en.png");
        click("#screenButton");

        waitFor("#screenNumber");
        assertThat(text("#screenNumber")).isEqualTo("A-001");
        assertThat(text("#screenService")).isEqualTo("General practice");
        assertThat(text("#screenNote")).contains("write your number down");
        Screenshots.save(scene, "kiosk-number-on-screen-en.png");
        click("#screenFinish");
        waitFor("#language-ar");

        click("#language-ar");
        click("#service-A");
        click("#screenButton");
        waitFor("#screenNumber");
        assertThat(text("#screenNumber")).isEqualTo("A-002");
        assertThat(onFx(() -> scene.getRoot().getEffectiveNodeOrientation()).call())
                .isEqualTo(NodeOrientation.RIGHT_TO_LEFT);
        Node number = lookup("#screenNumber");
        assertThat(onFx(number::getEffectiveNodeOrientation).call()).as("A-002 reads left to right")
                .isEqualTo(NodeOrientation.LEFT_TO_RIGHT);
        assertThat(text("#screenNote")).isEqualTo(
                onFx(() -> Theme.messages(Locale.forLanguageTag("ar")).getString("kiosk.number.note")).call());
        Screenshots.save(scene, "kiosk-number-on-screen-ar.png");

        JsonNode tickets = staff().get("/api/services/1/tickets").json();
        assertThat(tickets).hasSize(2);
        assertThat(printer.jobs()).isEmpty();
    }

    @Test
    void whenPrintingFailsTheSameNumberCanBeShownOnScreenAndReceptionStillHearsOfThePrinter() throws Exception {
        startKiosk(Duration.ofSeconds(60), Duration.ofSeconds(4));
        printer.paperOut(true);
        click("#language-en");
        click("#service-A");
        click("#printButton");
        waitFor("#doneNumber");
        Label problem = lookup("#printProblem");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, onFx(() -> "The printer is out of paper.".equals(problem.getText())));
        Screenshots.save(scene, "kiosk-paper-out-offers-screen.png");

        click("#showOnScreenButton");

        waitFor("#screenNumber");
        assertThat(text("#screenNumber")).isEqualTo("A-001");
        assertThat(staff().get("/api/services/1/tickets").json()).as("never a second ticket").hasSize(1);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> "paper_out".equals(
                staff().get("/api/sites/1/devices/printers").json().path(0).path("state").asText()));
        assertThat(printer.jobs()).isEmpty();
    }

    @Test
    void anUntouchedKioskStartsOverFromAnyScreen() throws Exception {
        startKiosk(Duration.ofMillis(2500), Duration.ofSeconds(30));
        click("#language-es");
        waitFor("#service-A");
        // nobody touches it: back to the start, in English again
        waitFor("#language-en", 10);
        assertThat(onFx(() -> ((KioskViewModel) shell.currentScreen()).languageProperty().get()).call())
                .isEqualTo(Locale.ENGLISH);

        click("#language-ar");
        click("#service-A");
        click("#textButton");
        waitFor("#key-5");
        click("#key-5");
        waitFor("#language-en", 10);
        assertThat(onFx(() -> ((KioskViewModel) shell.currentScreen()).phoneProperty().get()).call()).isEmpty();
    }

    @Test
    void onlyTheStaffPinLeavesTheKiosk(FxRobot robot) throws Exception {
        startKiosk(Duration.ofSeconds(60), Duration.ofSeconds(30));
        click("#contrastButton");
        Screenshots.save(scene, "kiosk-high-contrast.png");
        click("#contrastButton");
        robot.type(KeyCode.ESCAPE);
        robot.press(KeyCode.ALT).press(KeyCode.F4).release(KeyCode.F4).release(KeyCode.ALT);
        WaitForAsyncUtils.asyncFx(() -> stage.fireEvent(new WindowEvent(stage, WindowEvent.WINDOW_CLOSE_REQUEST)))
                .get(5, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(onFx(stage::isShowing).call()).isTrue();
        assertThat(onFx(() -> scene.getRoot().lookup("#kioskLanguage") != null).call()).isTrue();

        Node corner = onFx(() -> scene.getRoot().lookup(".kiosk-staff-corner")).call();
        for (int i = 0; i < KioskViewModel.STAFF_TAPS; i++) {
            robot.clickOn(corner);
        }
        Node pad = lookup("#pinDots");
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, onFx(pad::isVisible));
        for (char digit : "1111".toCharArray()) {
            click("#pin-" + digit);
        }
        click("#pin-ok");
        assertThat(text("#pinError")).isEqualTo("Wrong PIN");
        Screenshots.save(scene, "kiosk-pin.png");
        assertThat(quits.get()).isZero();

        for (char digit : "2468".toCharArray()) {
            click("#pin-" + digit);
        }
        click("#pin-ok");
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> quits.get() == 1);
    }

    @Test
    void duringAnOutageTheKioskSendsPatientsToReceptionAndRecoversByItself() throws Exception {
        startKiosk(Duration.ofSeconds(60), Duration.ofSeconds(30));
        Path dataDir = server.dataDir();
        int port = server.port();
        Node outage = lookup("#outageLabel");
        assertThat(onFx(() -> outage.getParent().isVisible()).call()).isFalse();

        server.close();
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, onFx(() -> outage.getParent().isVisible()));
        assertThat(text("#outageLabel")).contains("Please ask at reception");
        Screenshots.save(scene, "kiosk-outage.png");

        server = TestServer.startOnWithSignIn(dataDir, CLOCK, port);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, onFx(() -> !outage.getParent().isVisible()));
        click("#language-en");
        click("#service-C");
        click("#printButton");
        waitFor("#doneNumber");
        assertThat(text("#doneNumber")).isEqualTo("C-001");
    }

    @Test
    void staffOpenTheKioskFromTheStartScreenAndThePinBringsThemBack() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> {
            var staff = app.showSignIn(stage, new DeviceOptions("2468", printer.spec(), false, Locale.ENGLISH,
                    Duration.ofSeconds(60), Duration.ofSeconds(30)), quits::incrementAndGet);
            shell = staff.shell();
            scene = staff.scene();
        }).get(10, TimeUnit.SECONDS);
        waitFor("#usernameField");
        WaitForAsyncUtils.asyncFx(() -> {
            ((javafx.scene.control.TextField) scene.getRoot().lookup("#usernameField")).setText("admin");
            ((javafx.scene.control.TextField) scene.getRoot().lookup("#passwordField")).setText("admin");
        }).get(5, TimeUnit.SECONDS);
        click("#signInButton");
        click("#kioskButton");
        waitFor("#kioskLanguage");
        assertThat(onFx(stage::isFullScreen).call()).isTrue();

        WaitForAsyncUtils.asyncFx(() -> ((KioskViewModel) shell.currentScreen()).openPin()).get(5, TimeUnit.SECONDS);
        for (char digit : "2468".toCharArray()) {
            click("#pin-" + digit);
        }
        click("#pin-ok");
        waitFor("#modePicker");
        assertThat(quits.get()).as("staff go back to the modes; the app stays open").isZero();
        assertThat(onFx(stage::isFullScreen).call()).isFalse();

        click("#displayButton");
        waitFor("#displayRoot");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, onFx(() -> !scene.getRoot().lookup("#displayOffline").isVisible()));
    }

    // --- helpers ------------------------------------------------------------------------------------------

    private Api staff() {
        return server.api().signedInAs("admin", "admin");
    }

    private void click(String id) throws Exception {
        waitFor(id);
        Node node = lookup(id);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, onFx(() -> !node.isDisabled() && node.isVisible()));
        new FxRobot().clickOn(node);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private void waitFor(String id) throws Exception {
        waitFor(id, 10);
    }

    private void waitFor(String id, int seconds) throws Exception {
        try {
            WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, onFx(() -> {
                Node node = scene.getRoot().lookup(id);
                return node != null && node.isVisible();
            }));
        } catch (java.util.concurrent.TimeoutException e) {
            Screenshots.save(scene, "kiosk-failed-waiting-for-" + id.replaceAll("[^A-Za-z0-9-]", "") + ".png");
            throw new AssertionError("Timed out waiting for " + id, e);
        }
    }

    private String text(String id) throws Exception {
        Label label = lookup(id);
        return onFx(label::getText).call();
    }

    @SuppressWarnings("unchecked")
    private <T> T lookup(String id) throws Exception {
        Parent root = onFx(scene::getRoot).call();
        T node = (T) onFx(() -> root.lookup(id)).call();
        if (node == null) {
            throw new AssertionError("no " + id + " on screen");
        }
        return node;
    }
}
