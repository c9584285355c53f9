package org.queuedesk.desktop.desk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.queuedesk.desktop.testing.Screenshots.onFx;
import static org.queuedesk.desktop.testing.ShellHarness.find;

import java.time.Clock;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.control.Label;
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
