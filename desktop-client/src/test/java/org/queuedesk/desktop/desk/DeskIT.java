package org.queuedesk.desktop.desk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.queuedesk.desktop.testing.Screenshots.onFx;
import static org.queuedesk.desktop.testing.ShellHarness.find;

import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.queuedesk.common.ticket.IssueTicketRequest;
import org.queuedesk.desktop.doctor.DoctorViewModel;
import org.queuedesk.desktop.doctor.WaitingRow;
import org.queuedesk.desktop.reception.TicketRow;
import org.queuedesk.desktop.testing.Screenshots;
import org.queuedesk.desktop.testing.ShellHarness;
import org.queuedesk.server.testing.TestServer;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A reception desk and a consulting room against a real queue server (in-process, temporary SQLite file):
 * sign in, issue at reception, the doctor sees it and calls it with Next; the server stops (banner, actions
 * disabled) and comes back on the same data and port with a ticket issued meanwhile, which both desks show.
 */
@ExtendWith(ApplicationExtension.class)
class DeskIT {

    private static final Clock CLOCK = Clock.systemUTC();

    private TestServer server = TestServer.startDemoWithSignIn(CLOCK);
    private final Path dataDir = server.dataDir();
    private final int port = server.port();
    private final ShellHarness app = ShellHarness.against(server.baseUrl()).clock(CLOCK);
    private ShellHarness.OnScreen reception;
    private ShellHarness.OnScreen doctor;
    private Scene receptionScene;
    private Scene doctorScene;

    @Start
    void start(Stage stage) {
        reception = app.showSignIn(stage);
        receptionScene = reception.scene();
    }

    @AfterEach
    void tearDown() throws Exception {
        app.close();
        server.close();
    }

    @Test
    void issuedTicketReachesTheDoctorAndBothDesksSurviveAServerRestart(FxRobot robot) throws Exception {
        // --- reception signs in and issues with two keystrokes: F1, Enter
        signIn(robot, reception, "reception", "#receptionButton");
        Screenshots.save(receptionScene, "reception-empty.png");
        Parent desk = receptionScene.getRoot();
        Label issued = find(desk, "#issuedNumber");
        Button issue = find(desk, "#issueButton");
        robot.type(KeyCode.F1);
        try {
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, onFx(() -> !issue.isDisabled()));
        } finally {
            Screenshots.save(receptionScene, "reception-f1.png");
        }
        robot.type(KeyCode.ENTER);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, onFx(() -> "A-001".equals(issued.getText())));
        TableView<TicketRow> tickets = find(desk, "#ticketTable");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, onFx(() -> tickets.getItems().stream()
                .anyMatch(row -> row.number().equals("A-001") && row.state().equals("Waiting"))));
        Screenshots.save(receptionScene, "reception.png");
        // the receptionist's list, on the 1366x768 test screen: three rows at least below its header (it showed two
        // while the actions' message had a row of its own, session 9)
        double[] rows = onFx(() -> {
            var header = tickets.lookup(".column-header-background");
            var cell = tickets.lookup(".table-row-cell");
            return new double[] {tickets.getHeight() - header.getBoundsInLocal().getHeight(), cell.getBoundsInLocal().getHeight()};
        }).call();
        assertThat(rows[0] / rows[1]).as("ticket rows the table has room for").isGreaterThanOrEqualTo(3.0);

        // --- a phone number the server refuses: the reason appears by the phone field, nothing is issued
        TextField phone = find(desk, "#phoneField");
        Label phoneError = find(desk, "#phoneError");
        robot.clickOn(phone).write("call me maybe");
        robot.type(KeyCode.F1);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, onFx(() -> !issue.isDisabled()));
        robot.clickOn(issue);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, onFx(phoneError::isVisible));
        Screenshots.save(receptionScene, "reception-invalid-phone.png");
        assertThat(phoneError.getText()).startsWith("Phone: ");
        assertThat(phone.getPseudoClassStates()).anyMatch(state -> state.getPseudoClassName().equals("invalid"));
        assertThat(issued.getText()).isEqualTo("A-001");
        WaitForAsyncUtils.asyncFx(() -> phone.setText("")).get(5, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, onFx(() -> !phoneError.isVisible()));

        // --- the consulting room, in its own window
        doctor = app.showSignInInNewWindow();
        doctorScene = doctor.scene();
        Stage doctorStage = doctor.stage();
        signIn(robot, doctor, "doctor", "#doctorButton");
        Parent room = doctorScene.getRoot();
        ComboBox<?> roomBox = find(room, "#roomBox");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, onFx(() -> !roomBox.getItems().isEmpty()));
        DoctorViewModel doctorModel = (DoctorViewModel) doctor.shell().currentScreen();
        WaitForAsyncUtils.asyncFx(() -> {
            roomBox.getSelectionModel().select(0);
            doctorModel.setup().serviceChoices().get(0).chosenProperty().set(true);
        }).get(5, TimeUnit.SECONDS);
        Screenshots.save(doctorScene, "doctor-setup.png");
        robot.clickOn((Node) find(room, "#openButton"));

        TableView<WaitingRow> waiting = find(room, "#waitingTable");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, onFx(() -> waiting.getItems().stream()
                .anyMatch(row -> row.number().equals("A-001"))));
        Button next = find(room, "#nextButton");
        Label current = find(room, "#currentNumber");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, onFx(() -> !next.isDisabled()));
        Screenshots.save(doctorScene, "doctor-waiting.png");
        robot.clickOn(next);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, onFx(() -> "A-001".equals(current.getText())));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, onFx(() -> waiting.getItems().isEmpty()));
        // reception sees the call live
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, onFx(() -> tickets.getItems().stream()
                .anyMatch(row -> row.number().equals("A-001") && row.state().equals("Called"))));
        Screenshots.save(doctorScene, "doctor.png");

        // --- the server goes away: banner, actions disabled with the reason shown; nothing on either desk moves
        // (the banner is drawn in the header's row: a row of its own pushed both desks down, reception's tickets
        // to one row at 768 pixels)
        double nextY = sceneY(next);
        double issueY = sceneY(issue);
        double ticketsHeight = onFx(tickets::getHeight).call();
        server.close();
        Label doctorBanner = find(room, "#banner");
        Label reason = find(room, "#offlineReason");
        // the lost stream may show first ("Live updates lost"); then the health check finds the server gone
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, onFx(() -> doctorBanner.isVisible() && next.isDisabled()
                && reason.isVisible() && reason.getText().startsWith("The server does not answer")));
        assertThat(onFx(reason::getText).call()).startsWith("The server does not answer");
        Label receptionBanner = find(desk, "#banner");
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, onFx(() -> receptionBanner.isVisible() && issue.isDisabled()));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(sceneY(next)).isEqualTo(nextY);
        assertThat(sceneY(issue)).isEqualTo(issueY);
        assertThat(onFx(tickets::getHeight).call()).isEqualTo(ticketsHeight);
        Screenshots.save(doctorScene, "doctor-offline.png");
        Screenshots.save(receptionScene, "reception-offline.png");

        // --- it comes back on the same data and port; something happens before the desks reconnect
        server = TestServer.startOnWithSignIn(dataDir, CLOCK, port);
        server.api().signedInAs("reception", "reception").issue(new IssueTicketRequest(1L, null, null, "Meanwhile", null, null));

        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, onFx(() -> !doctorBanner.isVisible() && !next.isDisabled()));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, onFx(() -> waiting.getItems().stream()
                .anyMatch(row -> row.number().equals("A-002") && row.name().equals("Meanwhile"))));
        assertThat(onFx(current::getText).call()).isEqualTo("A-001");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, onFx(() -> !receptionBanner.isVisible()
                && tickets.getItems().stream().anyMatch(row -> row.number().equals("A-002"))));
        Screenshots.save(doctorScene, "doctor-recovered.png");

        // the next Next after the restart calls the ticket issued meanwhile
        robot.clickOn(next);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, onFx(() -> "A-002".equals(current.getText())));
        WaitForAsyncUtils.asyncFx(doctorStage::close).get(5, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, onFx(() -> tickets.getItems().stream()
                .anyMatch(row -> row.number().equals("A-001") && row.state().equals("Done"))));
        Screenshots.save(receptionScene, "reception-recovered.png");
    }

    /** Where a node is drawn in its window, on the FX thread. */
    private static double sceneY(Node node) throws Exception {
        return onFx(() -> node.localToScene(0, 0).getY()).call();
    }

    /** Signs in through the screen (each step's screenshot kept); then the mode is chosen. */
    private void signIn(FxRobot robot, ShellHarness.OnScreen desk, String user, String modeButton) throws Exception {
        desk.fillSignIn(user, user);
        Screenshots.save(desk.scene(), "signin.png");
        if (desk.submitSignIn(robot)) {
            Screenshots.save(desk.scene(), "modes.png");
            desk.chooseMode(robot, modeButton);
        }
    }
}
