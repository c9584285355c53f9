package org.queuedesk.desktop.desk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.queuedesk.desktop.testing.FocusRings.looks;
import static org.queuedesk.desktop.testing.FocusRings.visiblyChanged;
import static org.queuedesk.desktop.testing.Screenshots.onFx;
import static org.queuedesk.desktop.testing.ShellHarness.find;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.queuedesk.desktop.doctor.DoctorViewModel;
import org.queuedesk.desktop.testing.Screenshots;
import org.queuedesk.desktop.testing.ShellHarness;
import org.queuedesk.server.testing.TestServer;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The consulting room's "open your session" card with the keyboard only. Found by hand (session 8): Tab went from
 * the room through the services' boxes to a stop that showed nothing, then back to the room: it was Open session,
 * whose accent fill (like Next's and Issue ticket's) hid the focus ring. Tab reaches it and it shows it has the keyboard.
 */
@ExtendWith(ApplicationExtension.class)
class DoctorKeyboardIT {

    private final TestServer server = TestServer.startDemoWithSignIn(Clock.systemUTC());
    private final ShellHarness app = ShellHarness.against(server.baseUrl());
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
    void tabReachesOpenSessionAndItShowsTheFocus(FxRobot robot) throws Exception {
        window.signIn(robot, "doctor", "doctor", "#doctorButton");
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, onFx(() -> scene.getRoot().lookup("#roomBox") != null));
        Parent room = scene.getRoot();
        ComboBox<?> roomBox = find(room, "#roomBox");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, onFx(() -> !roomBox.getItems().isEmpty()));
        DoctorViewModel doctor = (DoctorViewModel) window.shell().currentScreen();
        WaitForAsyncUtils.asyncFx(() -> {
            roomBox.getSelectionModel().select(0);
            doctor.setup().serviceChoices().get(0).chosenProperty().set(true);
            roomBox.requestFocus();
        }).get(5, TimeUnit.SECONDS);
        Button open = find(room, "#openButton");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, onFx(() -> !open.isDisabled() && roomBox.isFocused()));
        robot.moveTo(scene.getWindow().getX() + 2, scene.getWindow().getY() + 2); // hovers nothing
        WaitForAsyncUtils.waitForFxEvents();
        int[] unfocused = onFx(() -> looks(open)).call();
        List<String> stops = new ArrayList<>();
        for (int i = 0; i < 8 && !onFx(open::isFocused).call(); i++) {
            robot.type(KeyCode.TAB);
            WaitForAsyncUtils.waitForFxEvents();
            stops.add(onFx(() -> describe(scene.getFocusOwner())).call());
        }
        Screenshots.save(scene, "doctor-setup-keyboard.png");
        assertThat(onFx(open::isFocused).call()).as("Tab stops from the room: " + stops).isTrue();
        // a ring of a pixel or two around a 500-pixel-wide button: a thousand pixels and more
        assertThat(visiblyChanged(unfocused, onFx(() -> looks(open)).call()))
                .as("pixels of Open session that change when the keyboard is on it").isGreaterThan(500);
    }

    /**
     * Found by hand (session 8): in the services' list, arrows move the highlighted row, but Space on it ticked
     * nothing (only Tab into the small box itself did), so a doctor "ticked" a service that stayed unticked. Space
     * on a row ticks its box and Space again unticks it, as in any list of check boxes.
     */
    @Test
    void spaceOnAServiceRowTicksIt(FxRobot robot) throws Exception {
        window.signIn(robot, "doctor", "doctor", "#doctorButton");
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, onFx(() -> scene.getRoot().lookup("#serviceList") != null));
        Parent room = scene.getRoot();
        javafx.scene.control.ListView<?> services = find(room, "#serviceList");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, onFx(() -> services.getItems().size() >= 2));
        DoctorViewModel doctor = (DoctorViewModel) window.shell().currentScreen();
        WaitForAsyncUtils.asyncFx(services::requestFocus).get(5, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, onFx(services::isFocused));
        robot.type(KeyCode.DOWN);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, onFx(() -> services.getSelectionModel().getSelectedIndex() >= 0));
        int row = onFx(() -> services.getSelectionModel().getSelectedIndex()).call();
        robot.type(KeyCode.SPACE);
        WaitForAsyncUtils.waitForFxEvents();
        Screenshots.save(scene, "doctor-setup-space-ticks.png");
        assertThat(onFx(() -> doctor.setup().serviceChoices().get(row).chosenProperty().get()).call())
                .as("row " + row + " ticked by Space").isTrue();
        robot.type(KeyCode.SPACE);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(onFx(() -> doctor.setup().serviceChoices().get(row).chosenProperty().get()).call())
                .as("row " + row + " unticked by a second Space").isFalse();
    }



    private static String describe(Node node) {
        if (node == null) {
            return "nothing";
        }
        StringBuilder path = new StringBuilder(node.getClass().getSimpleName() + "#" + node.getId()
                + (node.isVisible() ? "" : "(hidden)") + (node.getScene() == null ? "" : ""));
        for (Node up = node.getParent(); up != null; up = up.getParent()) {
            if (!up.isVisible()) {
                path.append(" in hidden ").append(up.getClass().getSimpleName()).append('#').append(up.getId());
                break;
            }
        }
        return path.toString();
    }
}
