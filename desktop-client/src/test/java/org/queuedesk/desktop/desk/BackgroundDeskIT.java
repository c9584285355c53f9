package org.queuedesk.desktop.desk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.queuedesk.desktop.testing.Screenshots.onFx;
import static org.queuedesk.desktop.testing.ShellHarness.find;

import com.sun.javafx.stage.WindowHelper;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.TimeUnit;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.queuedesk.common.ticket.IssueTicketRequest;
import org.queuedesk.desktop.doctor.DoctorViewModel;
import org.queuedesk.desktop.testing.Screenshots;
import org.queuedesk.desktop.testing.ShellHarness;
import org.queuedesk.server.testing.TestServer;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Found by hand (session 8): a consulting room whose window was behind another program while the server
 * restarted came back with the keyboard on Pause, not on Next; the doctor's Space (the hint under Next says
 * "Space or Enter") then paused the session instead of calling the next patient.
 */
@ExtendWith(ApplicationExtension.class)
class BackgroundDeskIT {

    private static final Clock CLOCK = Clock.systemUTC();

    private TestServer server = TestServer.startDemoWithSignIn(CLOCK);
    private final Path dataDir = server.dataDir();
    private final int port = server.port();
    private final ShellHarness app = ShellHarness.against(server.baseUrl()).clock(CLOCK);
    private ShellHarness.OnScreen window;
    private Scene scene;

    @Start
    void start(Stage stage) {
        window = app.showSignIn(stage);
        scene = window.scene();
    }

    @AfterEach
    void tearDown() throws Exception {
        app.close();
        server.close();
    }

    @Test
    void spaceCallsTheNextPatientAfterARestartTheDeskSpentInTheBackground(FxRobot robot) throws Exception {
        window.signIn(robot, "doctor", "doctor", "#doctorButton");
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, onFx(() -> scene.getRoot().lookup("#roomBox") != null));
        Parent room = scene.getRoot();
        ComboBox<?> roomBox = find(room, "#roomBox");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, onFx(() -> !roomBox.getItems().isEmpty()));
        DoctorViewModel doctor = (DoctorViewModel) window.shell().currentScreen();
        WaitForAsyncUtils.asyncFx(() -> {
            roomBox.getSelectionModel().select(0);
            doctor.setup().serviceChoices().get(0).chosenProperty().set(true);
        }).get(5, TimeUnit.SECONDS);
        Button open = find(room, "#openButton");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, onFx(() -> !open.isDisabled()));
        robot.clickOn(open);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, onFx(() -> doctor.sessionProperty().get() != null));
        issue("Ana");
        issue("Ben");
        Button next = find(room, "#nextButton");
        Label current = find(room, "#currentNumber");
        Label banner = find(room, "#banner");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, onFx(() -> !next.isDisabled()));
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, onFx(() -> scene.getFocusOwner() == next));

        // --- the doctor turns to another program (the clinic's records): the desk's window loses the focus, as
        // the windowing system tells JavaFX (Monocle's headless windows never lose it by themselves)
        WaitForAsyncUtils.asyncFx(() -> WindowHelper.setFocused(window.stage(), false)).get(5, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, onFx(() -> !window.stage().isFocused()));

        // --- meanwhile the server restarts
        server.close();
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, onFx(() -> banner.isVisible() && next.isDisabled()));
        server = TestServer.startOnWithSignIn(dataDir, CLOCK, port);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, onFx(() -> !banner.isVisible() && !next.isDisabled()));

        // --- back at the desk: Space calls the next patient (README: Next is "Space or Enter"), it pauses nothing
        WaitForAsyncUtils.asyncFx(() -> WindowHelper.setFocused(window.stage(), true)).get(5, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, onFx(() -> window.stage().isFocused()));
        WaitForAsyncUtils.waitForFxEvents();
        Screenshots.save(scene, "doctor-back-from-background.png");
        assertThat(onFx(() -> scene.getFocusOwner() == next).call()).as("the keyboard is on Next").isTrue();
        robot.type(KeyCode.SPACE);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, onFx(() -> "A-001".equals(current.getText())));
        assertThat(onFx(() -> doctor.pausedProperty().get()).call()).as("paused").isFalse();
    }

    private void issue(String name) {
        server.api().signedInAs("reception", "reception").issue(new IssueTicketRequest(1L, null, null, name, null, null));
    }
}
