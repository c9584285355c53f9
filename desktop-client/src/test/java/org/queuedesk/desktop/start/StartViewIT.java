package org.queuedesk.desktop.start;

import static org.assertj.core.api.Assertions.assertThat;
import static org.queuedesk.desktop.testing.Screenshots.onFx;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.queuedesk.desktop.api.ReconnectPolicy;
import org.queuedesk.desktop.testing.HealthServer;
import org.queuedesk.desktop.testing.ShellHarness;
import org.queuedesk.desktop.testing.Screenshots;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The sign-in screen's connection banner on the real background executor, headless under Monocle. */
@ExtendWith(ApplicationExtension.class)
class StartViewIT {

    private final int port = HealthServer.freePort();
    private final ShellHarness app = ShellHarness.against(HealthServer.addressOf(port).toString())
            .policy(new ReconnectPolicy(Duration.ofMillis(300), Duration.ofMillis(100), Duration.ofMillis(400)))
            .backgroundThreads(2);
    private HealthServer server;
    private Scene scene;

    @Start
    void start(Stage stage) {
        scene = app.showSignIn(stage).scene();
    }

    @AfterEach
    void tearDown() throws Exception {
        app.close();
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

    @Test
    void aServerOfAnotherReleaseIsNamedByTheAddressWithBothVersions(FxRobot robot) throws Exception {
        server = HealthServer.start(port).answeringAuthConfig("{\"provider\":\"builtin\",\"serverVersion\":\"9.0.0\"}");
        robot.clickOn("#signInButton");

        Label error = robot.lookup("#serverError").queryAs(Label.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, onFx(error::isVisible));
        assertThat(onFx(error::getText).call()).startsWith("This server runs QueueDesk 9.0.0 and this app is version ");
        Screenshots.save(scene, "signin-other-release.png");
    }
}
