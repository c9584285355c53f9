package org.queuedesk.desktop.desk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.queuedesk.desktop.testing.Screenshots.onFx;
import static org.queuedesk.desktop.testing.ShellHarness.find;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
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
import org.queuedesk.desktop.app.AppShell;
import org.queuedesk.desktop.doctor.DoctorViewModel;
import org.queuedesk.desktop.testing.Screenshots;
import org.queuedesk.desktop.testing.ShellHarness;
import org.queuedesk.server.testing.MutableClock;
import org.queuedesk.server.testing.TestServer;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * On screen: a consulting room signed in more than 10 minutes ago (the built-in
 * provider's access token lifetime, README) survives a server restart by itself, with the focus back on Next
 * so Space goes on working; when the sign-in itself has ended the banner says so and "Sign in again" brings
 * the doctor back to the same open session. One clock, moved by the test, for the server and the app.
 */
@ExtendWith(ApplicationExtension.class)
class DeskSignInIT {

    private final MutableClock clock = new MutableClock(Instant.now());
    private TestServer server = TestServer.startDemoWithSignIn(clock);
    private final Path dataDir = server.dataDir();
    private final int port = server.port();
    private final ShellHarness app = ShellHarness.against(server.baseUrl()).clock(clock);
    private ShellHarness.OnScreen window;
    private AppShell desk;
    private Scene scene;

    @Start
    void start(Stage stage) {
        window = app.showSignIn(stage);
        desk = window.shell();
        scene = window.scene();
    }

    @AfterEach
    void tearDown() throws Exception {
        app.close();
        server.close();
    }

    @Test
    void aDeskSignedInLongAgoComesBackByItselfAndAnEndedSignInLeadsBackToTheSameSession(FxRobot robot)
            throws Exception {
        signIn(robot);
        Parent room = scene.getRoot();
        ComboBox<?> roomBox = find(room, "#roomBox");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, onFx(() -> !roomBox.getItems().isEmpty()));
        DoctorViewModel doctor = (DoctorViewModel) desk.currentScreen();
        WaitForAsyncUtils.asyncFx(() -> {
            roomBox.getSelectionModel().select(0);
            doctor.setup().serviceChoices().get(0).chosenProperty().set(true);
        }).get(5, TimeUnit.SECONDS);
        Button open = find(room, "#openButton");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, onFx(() -> !open.isDisabled()));
        robot.clickOn(open);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, onFx(() -> doctor.sessionProperty().get() != null));
        issue("Ana");
        Button next = find(room, "#nextButton");
        Label current = find(room, "#currentNumber");
        Label banner = find(room, "#banner");
        Label status = find(room, "#statusLabel");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, onFx(() -> !next.isDisabled()));
        robot.clickOn(next);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, onFx(() -> "A-001".equals(current.getText())));
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, onFx(next::isFocused));

        // --- an hour... well, 11 minutes later the server restarts: the token the desk holds has expired
        clock.advance(Duration.ofMinutes(11));
        server.close();
        // the lost stream is usually noticed first ("Live updates lost"); the health check's verdict outranks it
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, onFx(() -> banner.isVisible() && next.isDisabled()
                && "Server unreachable \u2014 retrying\u2026".equals(banner.getText())));
        Screenshots.save(scene, "desk-banner-server-unreachable.png");
        // the stray Space of a doctor waiting for the server lands nowhere that signs them out
        robot.type(KeyCode.SPACE);
        assertThat(onFx(() -> scene.getRoot().lookup("#sessionPane").isVisible()).call()).isTrue();

        server = TestServer.startOnWithSignIn(dataDir, clock, port);
        issue("Ben");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, onFx(() -> !banner.isVisible() && !next.isDisabled()));
        assertThat(onFx(status::getText).call()).isEqualTo("Connected to " + server.baseUrl());
        // the focus is back on Next: Space calls the next patient
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, onFx(next::isFocused));
        Screenshots.save(scene, "desk-recovered.png");
        robot.type(KeyCode.SPACE);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, onFx(() -> "A-002".equals(current.getText())));

        // --- an administrator ends the doctor's sign-ins; the next restart finds the refresh token refused
        var admin = server.api().signedInAs("admin", "admin");
        admin.post("/api/users/doctor/disable", null);
        admin.post("/api/users/doctor/enable", null);
        clock.advance(Duration.ofMinutes(11));
        server.close();
        server = TestServer.startOnWithSignIn(dataDir, clock, port);
        Button signInAgain = find(room, "#signInAgainButton");
        Label reason = find(room, "#offlineReason");
        // while the server restarts the banner may first say it is unreachable: wait for the verdict that stays
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, onFx(() -> banner.isVisible() && signInAgain.isVisible()
                && "Your sign-in has ended \u2014 sign in again to go on.".equals(banner.getText())));
        assertThat(onFx(status::getText).call()).endsWith("sign in again");
        assertThat(onFx(() -> next.isDisabled() && reason.getText().startsWith("Your sign-in has ended")).call()).isTrue();
        Screenshots.save(scene, "desk-banner-sign-in-ended.png");

        robot.clickOn(signInAgain);
        signIn(robot);
        Parent again = scene.getRoot();
        Label currentAgain = find(again, "#currentNumber");
        Button nextAgain = find(again, "#nextButton");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, onFx(() -> again.lookup("#sessionPane").isVisible()
                && "A-002".equals(currentAgain.getText()) && !nextAgain.isDisabled()));
        assertThat(onFx(() -> find(again, "#banner") instanceof Label l && !l.isVisible()).call()).isTrue();
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, onFx(nextAgain::isFocused));
        Screenshots.save(scene, "desk-signed-in-again.png");

        // --- Sign out asks first, with the focus on "Stay signed in": a stray Space keeps the doctor in
        robot.clickOn((Node) find(again, "#signOutButton"));
        Button stay = find(again, "#staySignedInButton");
        Node question = find(again, "#signOutConfirm");
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, onFx(() -> question.isVisible() && stay.isFocused()));
        Screenshots.save(scene, "desk-sign-out-confirm.png");
        robot.type(KeyCode.SPACE);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, onFx(() -> !question.isVisible() && nextAgain.isFocused()));
        assertThat(onFx(() -> again.lookup("#sessionPane").isVisible() && desk.currentScreen() instanceof DoctorViewModel)
                .call()).isTrue();
    }

    private void issue(String name) {
        server.api().signedInAs("reception", "reception").issue(new IssueTicketRequest(1L, null, null, name, null, null));
    }

    private void signIn(FxRobot robot) throws Exception {
        window.signIn(robot, "doctor", "doctor", "#doctorButton");
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, onFx(() -> scene.getRoot().lookup("#sessionPane") != null));
    }
}
