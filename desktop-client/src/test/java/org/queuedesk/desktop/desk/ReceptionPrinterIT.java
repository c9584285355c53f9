package org.queuedesk.desktop.desk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.queuedesk.desktop.testing.Screenshots.onFx;

import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.queuedesk.common.auth.DevicePrinterDto;
import org.queuedesk.common.auth.PrinterStatusRequest;
import org.queuedesk.desktop.api.HealthClient;
import org.queuedesk.desktop.app.AppShell;
import org.queuedesk.desktop.app.ConnectionViewModel;
import org.queuedesk.desktop.app.FxBackgroundExecutor;
import org.queuedesk.desktop.app.ReconnectPolicy;
import org.queuedesk.desktop.app.Theme;
import org.queuedesk.desktop.login.AddressMemory;
import org.queuedesk.desktop.testing.Screenshots;
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

    private static final ReconnectPolicy FAST =
            new ReconnectPolicy(Duration.ofMillis(400), Duration.ofMillis(200), Duration.ofMillis(800));
    private static final Clock CLOCK = Clock.systemUTC();

    private final TestServer server = TestServer.startDemoWithSignIn(CLOCK);
    private final Api kiosk = server.api().withToken(Auth.DEMO_KIOSK_TOKEN);
    private final ResourceBundle messages = Theme.messages(Locale.ENGLISH);
    private FxBackgroundExecutor background;
    private ScheduledExecutorService scheduler;
    private AppShell reception;
    private Scene scene;

    @Start
    void start(Stage stage) {
        background = new FxBackgroundExecutor(2);
        scheduler = Executors.newSingleThreadScheduledExecutor(FxBackgroundExecutor.daemonThreads("test-scheduler-"));
        var connection = new ConnectionViewModel(background, scheduler, HealthClient.withDefaults(), FAST, messages);
        var context = new AppShell.Context(background, scheduler, FAST, messages, CLOCK, HttpClient.newHttpClient(),
                AddressMemory.inMemory(), Platform::runLater, server.baseUrl(), Optional.empty());
        reception = new AppShell(context, connection);
        scene = new Scene(reception.root(), 1366, 768);
        Theme.apply(scene);
        stage.setScene(scene);
        stage.show();
        reception.showSignIn();
    }

    @AfterEach
    void tearDown() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> reception.stop()).get(5, TimeUnit.SECONDS);
        scheduler.shutdownNow();
        background.close();
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
        Parent root = scene.getRoot();
        TextField username = find(root, "#usernameField");
        WaitForAsyncUtils.asyncFx(() -> {
            username.setText("reception");
            ((TextField) find(root, "#passwordField")).setText("reception");
        }).get(5, TimeUnit.SECONDS);
        robot.clickOn((Node) find(root, "#signInButton"));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                onFx(() -> root.lookup("#modePicker") != null || root.lookup("#root") != null));
        if (onFx(() -> root.lookup("#modePicker") != null).call()) {
            robot.clickOn((Node) find(root, "#receptionButton"));
        }
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, onFx(() -> root.lookup("#printerWarning") != null));
    }

    @SuppressWarnings("unchecked")
    private static <T> T find(Parent root, String id) {
        try {
            return (T) WaitForAsyncUtils.asyncFx(() -> root.lookup(id)).get(5, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("cannot look up " + id, e);
        }
    }
}
