package org.queuedesk.desktop.desk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.queuedesk.desktop.testing.Screenshots.onFx;
import static org.queuedesk.desktop.testing.ShellHarness.find;

import java.time.Clock;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.queuedesk.common.auth.DevicePrinterDto;
import org.queuedesk.common.auth.PrinterStatusRequest;
import org.queuedesk.desktop.testing.Screenshots;
import org.queuedesk.desktop.testing.ShellHarness;
import org.queuedesk.server.auth.Auth;
import org.queuedesk.server.testing.Api;
import org.queuedesk.server.testing.TestServer;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Kiosk printer trouble on the reception screen, against a real server: a kiosk out of paper before
 * the receptionist signs in shows at once (the current states are read), then the warning follows the kiosk's
 * reports live: gone when it prints again, back when its printer stops answering.
 */
@ExtendWith(ApplicationExtension.class)
class ReceptionPrinterIT {

    private static final Clock CLOCK = Clock.systemUTC();

    private final TestServer server = TestServer.startDemoWithSignIn(CLOCK);
    private final Api kiosk = server.api().withToken(Auth.DEMO_KIOSK_TOKEN);
    private final ShellHarness app = ShellHarness.against(server.baseUrl()).clock(CLOCK).backgroundThreads(2);
    private ShellHarness.OnScreen reception;
    private Scene scene;

    @Start
    void start(Stage stage) {
        reception = app.showSignIn(stage);
        scene = reception.scene();
    }

    @AfterEach
    void tearDown() throws Exception {
        app.close();
        server.close();
    }

    @Test
    void aKioskOutOfPaperShowsOnTheReceptionScreenUntilItPrintsAgain(FxRobot robot) throws Exception {
        report("paper_out");

        signIn(robot);
        Label warning = find(scene.getRoot(), "#printerWarning");
        try {
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, onFx(() -> warning.isVisible()
                    && "Kiosk 'Demo kiosk': out of paper".equals(warning.getText())));
        } finally {
            Screenshots.save(scene, "reception-printer-warning.png");
        }

        report("ok");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, onFx(() -> !warning.isVisible() && warning.getText().isEmpty()));

        report("offline");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, onFx(() -> warning.isVisible()
                && "Kiosk 'Demo kiosk': the printer is not answering".equals(warning.getText())));
    }

    /**
     * Found by hand (session 8) at 1366x768: a kiosk's printer stopped answering and the warning, above the
     * queues, pushed the whole desk down (the rows and buttons under the receptionist's pointer moved, which the
     * README rules out for alerts) until the tickets' table showed its header and not one ticket. The warning
     * moves nothing, and the table keeps its first rows in sight even with an alert open too.
     */
    @Test
    void aPrinterWarningMovesNothingAndTheTicketsStayInSight(FxRobot robot) throws Exception {
        Api staff = server.api().signedInAs("reception", "reception");
        for (int i = 0; i < 4; i++) {
            staff.issue(1L); // nobody serves general practice: the demo's alert rules raise one
        }
        signIn(robot);
        TableView<?> tickets = reception.lookup("#ticketTable");
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, onFx(() -> tickets.getItems().size() == 4
                && scene.getRoot().lookup(".alert-banner") != null));
        WaitForAsyncUtils.waitForFxEvents();
        var before = onFx(this::places).call();

        report("offline");
        Label warning = find(scene.getRoot(), "#printerWarning");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, onFx(() -> warning.isVisible()
                && "Kiosk 'Demo kiosk': the printer is not answering".equals(warning.getText())));
        WaitForAsyncUtils.waitForFxEvents();
        Screenshots.save(scene, "reception-printer-warning-and-alert.png");
        assertThat(onFx(this::places).call()).as("issue button, first queue row, first ticket row, Cancel")
                .isEqualTo(before);
        assertThat(onFx(() -> rowsInSight(tickets)).call()).as("ticket rows wholly in sight").isGreaterThanOrEqualTo(2);
    }

    private List<Bounds> places() {
        Node root = scene.getRoot();
        TableView<?> queues = (TableView<?>) root.lookup("#queueTable");
        TableView<?> tickets = (TableView<?>) root.lookup("#ticketTable");
        return List.of(inScene(root.lookup("#issueButton")), inScene(row(queues, 0)), inScene(row(tickets, 0)),
                inScene(root.lookup("#cancelButton")));
    }

    /** How many of the table's first rows lie wholly inside the part of it that shows rows. */
    private static int rowsInSight(TableView<?> table) {
        Bounds sight = inScene(table.lookup(".clipped-container"));
        int shown = 0;
        for (int i = 0; i < table.getItems().size(); i++) {
            Node row = row(table, i);
            if (row == null || !row.isVisible()) {
                break;
            }
            Bounds b = inScene(row);
            if (b.getMinY() < sight.getMinY() - 0.5 || b.getMaxY() > sight.getMaxY() + 0.5) {
                break;
            }
            shown++;
        }
        return shown;
    }

    private static Node row(TableView<?> table, int index) {
        return table.lookupAll(".table-row-cell").stream()
                .filter(n -> n instanceof TableRow<?> r && r.getIndex() == index && !r.isEmpty() && r.isVisible())
                .findFirst().orElse(null);
    }

    private static Bounds inScene(Node node) {
        return node.localToScene(node.getBoundsInLocal());
    }

    private void report(String state) {
        var reported = kiosk.post("/api/devices/me/printer", new PrinterStatusRequest(state, null))
                .as(DevicePrinterDto.class);
        assertThat(reported.state()).isEqualTo(state);
    }

    private void signIn(FxRobot robot) throws Exception {
        reception.signIn(robot, "reception", "reception", "#receptionButton");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, onFx(() -> scene.getRoot().lookup("#printerWarning") != null));
    }
}
