package org.queuedesk.desktop.start;

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
import java.util.concurrent.TimeoutException;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.queuedesk.desktop.api.HealthClient;
import org.queuedesk.desktop.app.AppShell;
import org.queuedesk.desktop.app.ConnectionViewModel;
import org.queuedesk.desktop.app.FxBackgroundExecutor;
import org.queuedesk.desktop.app.ReconnectPolicy;
import org.queuedesk.desktop.app.Theme;
import org.queuedesk.desktop.login.AddressMemory;
import org.queuedesk.desktop.testing.HealthServer;
import org.queuedesk.desktop.testing.Screenshots;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The sign-in screen's connection banner on the real background executor, headless under Monocle. */
@ExtendWith(ApplicationExtension.class)
class StartViewIT {

    private static final ReconnectPolicy FAST =
            new ReconnectPolicy(Duration.ofMillis(300), Duration.ofMillis(100), Duration.ofMillis(400));

    private final int port = HealthServer.freePort();
    private FxBackgroundExecutor background;
    private ScheduledExecutorService scheduler;
    private AppShell shell;
    private HealthServer server;
    private Scene scene;

    @Start
    void start(Stage stage) {
        ResourceBundle messages = Theme.messages(Locale.ENGLISH);
        background = new FxBackgroundExecutor(2);
        scheduler = Executors.newSingleThreadScheduledExecutor(FxBackgroundExecutor.daemonThreads("test-scheduler-"));
        var connection = new ConnectionViewModel(background, scheduler, HealthClient.withDefaults(), FAST, messages);
        var context = new AppShell.Context(background, scheduler, FAST, messages, Clock.systemUTC(),
                HttpClient.newHttpClient(), AddressMemory.inMemory(), Platform::runLater,
                HealthServer.addressOf(port).toString(), Optional.empty());
        shell = new AppShell(context, connection);
        scene = new Scene(shell.root(), 1366, 768);
        Theme.apply(scene);
        stage.setScene(scene);
        stage.show();
        shell.showSignIn();
    }

    @AfterEach
    void tearDown() throws TimeoutException {
        WaitForAsyncUtils.asyncFx(shell::stop);
        WaitForAsyncUtils.waitForFxEvents();
        scheduler.shutdownNow();
        background.close();
        if (server != null) {
            server.close();
        }
    }

    @Test
    void bannerShowsWhileTheServerIsDownAndGoesAwayWhenItAnswers(FxRobot robot) throws Exception {
        Label banner = robot.lookup("#banner").queryAs(Label.class);

        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, onFx(banner::isVisible));
        assertThat(onFx(banner::getText).call()).isEqualTo("Server unreachable — retrying…");
        Screenshots.save(scene, "signin-unreachable.png");

        server = HealthServer.start(port);

        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, onFx(() -> !banner.isVisible()));
        Label status = robot.lookup("#statusLabel").queryAs(Label.class);
        assertThat(onFx(status::getText).call()).isEqualTo("Connected to http://127.0.0.1:" + port);
    }

    @Test
    void signingInToAnAddressThatDoesNotAnswerSaysSoByTheAddress(FxRobot robot) throws Exception {
        robot.clickOn("#signInButton");

        Label error = robot.lookup("#serverError").queryAs(Label.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, onFx(error::isVisible));
        assertThat(onFx(error::getText).call()).startsWith("No answer from http://127.0.0.1:" + port);
    }
}
