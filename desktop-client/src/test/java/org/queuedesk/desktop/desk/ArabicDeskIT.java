package org.queuedesk.desktop.desk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.queuedesk.desktop.testing.Screenshots.onFx;
import static org.queuedesk.desktop.testing.ShellHarness.find;

import java.time.Clock;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import javafx.geometry.NodeOrientation;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.queuedesk.desktop.testing.Screenshots;
import org.queuedesk.desktop.testing.ShellHarness;
import org.queuedesk.server.testing.TestServer;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The staff desktop in Arabic: every screen is mirrored (right to left), and no label's text
 * overflows its place or is drawn twice.
 */
@ExtendWith(ApplicationExtension.class)
class ArabicDeskIT {

    private final TestServer server = TestServer.startDemoWithSignIn(Clock.systemUTC());
    private final ShellHarness app = ShellHarness.against(server.baseUrl()).language(Locale.forLanguageTag("ar"));
    private ShellHarness.OnScreen desk;
    private Scene scene;

    @Start
    void start(Stage stage) {
        desk = app.showSignIn(stage);
        scene = desk.scene();
    }

    @AfterEach
    void tearDown() throws Exception {
        app.close();
        server.close();
    }

    @Test
    void receptionAndTheConsultingRoomAreMirroredInArabic(FxRobot robot) throws Exception {
        Parent root = scene.getRoot();
        desk.fillSignIn("admin", "admin");
        Screenshots.save(scene, "ar-signin.png");
        assertMirrored("sign-in");
        assertNoLabelOverflows("sign-in");
        robot.clickOn((Node) find(root, "#signInButton"));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, onFx(() -> root.lookup("#modePicker") != null));
        Screenshots.save(scene, "ar-modes.png");
        assertMirrored("modes");
        assertNoLabelOverflows("modes");

        robot.clickOn((Node) find(root, "#receptionButton"));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, onFx(() -> root.lookup("#ticketTable") != null));
        Button issue = find(root, "#issueButton");
        robot.type(javafx.scene.input.KeyCode.F1);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, onFx(() -> !issue.isDisabled()));
        robot.type(javafx.scene.input.KeyCode.ENTER);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, onFx(() -> "A-001".equals(((Labeled) root.lookup("#issuedNumber")).getText())));
        Screenshots.save(scene, "ar-reception.png");
        assertMirrored("reception");
        assertNoLabelOverflows("reception");

        robot.clickOn((Node) find(root, "#changeModeButton"));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, onFx(() -> root.lookup("#doctorButton") != null));
        robot.clickOn((Node) find(root, "#doctorButton"));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, onFx(() -> root.lookup("#openButton") != null));
        Screenshots.save(scene, "ar-doctor-setup.png");
        assertMirrored("doctor");
        assertNoLabelOverflows("doctor");
    }

    private void assertMirrored(String screen) throws Exception {
        assertThat(onFx(() -> scene.getRoot().getEffectiveNodeOrientation()).call()).as(screen + " mirrored")
                .isEqualTo(NodeOrientation.RIGHT_TO_LEFT);
    }

    /**
     * Every label outside the tables shows all of its text: not cut short with "…", as tall as its wrapped
     * lines need, and no line drawn wider than the label (the Arabic hints' lines ran out of their card).
     */
    private void assertNoLabelOverflows(String screen) throws Exception {
        var cut = onFx(() -> scene.getRoot().lookupAll(".label").stream()
                .filter(n -> n instanceof Label && n.isVisible() && n.getScene() != null && !insideTable(n))
                .map(n -> (Label) n)
                .filter(l -> l.getText() != null && !l.getText().isBlank())
                .filter(l -> !fits(l))
                .map(l -> l.getId() + ": " + l.getText()).toList()).call();
        assertThat(cut).as(screen + ": labels whose text does not fit").isEmpty();
    }

    private static boolean fits(Label label) {
        if (label.getHeight() + 1 < label.prefHeight(label.getWidth())) {
            return false;
        }
        for (Node node : label.lookupAll("Text")) {
            if (node instanceof Text text) {
                if (text.getStyleClass().contains("text") && !label.getText().equals(text.getText())) {
                    return false; // the default skin cut it short ("…")
                }
                var inLabel = label.sceneToLocal(text.localToScene(text.getBoundsInLocal()));
                if (inLabel.getMinX() < -1 || inLabel.getMaxX() > label.getWidth() + 1) {
                    return false;
                }
            }
        }
        return true;
    }

    private static boolean insideTable(Node node) {
        for (Node up = node; up != null; up = up.getParent()) {
            if (up instanceof javafx.scene.control.TableView<?>) {
                return true;
            }
        }
        return false;
    }
}
