package org.queuedesk.desktop.start;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.queuedesk.desktop.api.HealthClient;
import org.queuedesk.desktop.app.ConnectionViewModel;
import org.queuedesk.desktop.app.FxBackgroundExecutor;
import org.queuedesk.desktop.app.ReconnectPolicy;
import org.queuedesk.desktop.app.Theme;
import org.queuedesk.desktop.testing.HealthServer;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The real start screen on the real background executor, headless under Monocle. */
@ExtendWith(ApplicationExtension.class)
class StartViewIT {

    private static final Path SCREENSHOTS = Path.of("target", "screenshots");
    // Short delays keep the test quick; the logic is the production one.
    private static final ReconnectPolicy FAST =
            new ReconnectPolicy(Duration.ofMillis(300), Duration.ofMillis(100), Duration.ofMillis(400));

    private final int port = HealthServer.freePort();
    private FxBackgroundExecutor background;
    private ScheduledExecutorService scheduler;
    private ConnectionViewModel connection;
    private HealthServer server;
    private Scene scene;

    @Start
    void start(Stage stage) {
        ResourceBundle messages = Theme.messages(Locale.ENGLISH);
        background = new FxBackgroundExecutor(2);
        scheduler = Executors.newSingleThreadScheduledExecutor(FxBackgroundExecutor.daemonThreads("test-scheduler-"));
        connection = new ConnectionViewModel(background, scheduler, HealthClient.withDefaults(), FAST, messages);
        StartViewModel viewModel = new StartViewModel(connection, messages);
        viewModel.serverAddressProperty().set(HealthServer.addressOf(port).toString());

        scene = new Scene(StartView.load(viewModel, messages), 1366, 768);
        Theme.apply(scene);
        stage.setScene(scene);
        stage.show();
        viewModel.connect();
    }

    @AfterEach
    void tearDown() throws TimeoutException {
        WaitForAsyncUtils.asyncFx(connection::stop);
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
        save("start-unreachable.png");

        server = HealthServer.start(port);

        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, onFx(() -> !banner.isVisible()));
        Label status = robot.lookup("#statusLabel").queryAs(Label.class);
        assertThat(onFx(status::getText).call()).isEqualTo("Connected to http://127.0.0.1:" + port);
        save("start.png");
    }

    @Test
    void modeButtonOpensItsPlaceholderAndBackReturns(FxRobot robot) throws Exception {
        robot.clickOn("#kioskButton");

        Label title = robot.lookup("#placeholderTitle").queryAs(Label.class);
        assertThat(onFx(title::getText).call()).isEqualTo("Kiosk");
        Node picker = robot.lookup("#modePicker").query();
        assertThat(onFx(picker::isVisible).call()).isFalse();
        save("start-kiosk-placeholder.png");

        robot.clickOn("#backButton");

        assertThat(onFx(picker::isVisible).call()).isTrue();
    }

    /** Reads UI state on the FX thread, where it is written. */
    private static <T> Callable<T> onFx(Callable<T> read) {
        return () -> WaitForAsyncUtils.asyncFx(read).get(5, TimeUnit.SECONDS);
    }

    private void save(String name) throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        WritableImage image = WaitForAsyncUtils.asyncFx(() -> scene.getRoot().snapshot(null, null)).get(10, TimeUnit.SECONDS);
        Files.createDirectories(SCREENSHOTS);
        Path file = SCREENSHOTS.resolve(name);
        assertThat(ImageIO.write(SwingFXUtils.fromFXImage(image, null), "png", file.toFile())).isTrue();
        assertThat(image.getWidth()).isEqualTo(1366);
    }
}
