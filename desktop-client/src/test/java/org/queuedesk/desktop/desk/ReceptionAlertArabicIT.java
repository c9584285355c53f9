package org.queuedesk.desktop.desk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.queuedesk.desktop.testing.Screenshots.onFx;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Clock;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Labeled;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.queuedesk.desktop.testing.Screenshots;
import org.queuedesk.desktop.testing.ShellHarness;
import org.queuedesk.server.testing.Api;
import org.queuedesk.server.testing.TestServer;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Found by hand (session 8): on an Arabic desk the alert's line was the server's English. It is worded in the
 * desk's language, against a real server; the expected line is written by hand. Screenshot reception-alert-ar.png.
 */
@ExtendWith(ApplicationExtension.class)
class ReceptionAlertArabicIT {

    private static final Clock CLOCK = Clock.systemUTC();
    /** The waiting count's medium tier at one ticket, nothing else. */
    private static final String RULES = """
            {"holdSeconds":60,"oldestWaitMinutes":{},"waitingCount":{"medium":1},"waitingWithoutSession":{},
             "smsFailurePercent":{},"smsMinFailures":3,"printerProblemMinutes":{}}""";

    private final TestServer server = TestServer.startDemoWithSignIn(CLOCK);
    private final Api admin = server.api().signedInAs("admin", "admin");
    private final ShellHarness app = ShellHarness.against(server.baseUrl()).clock(CLOCK)
            .language(Locale.forLanguageTag("ar"));
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
    void theAlertLineIsInArabic(FxRobot robot) throws Exception {
        long site = admin.get("/api/sites").json().get(0).path("id").asLong();
        var first = admin.get("/api/sites/" + site + "/services").json().get(0);
        var response = admin.send(HttpRequest.newBuilder(URI.create(admin.baseUrl() + "/api/sites/" + site + "/alert-rules"))
                .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(RULES)));
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        admin.issue(first.path("id").asLong());

        reception.signIn(robot, "reception", "reception", "#receptionButton");
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, onFx(() -> scene.getRoot().lookup(".alert-banner") != null));
        WaitForAsyncUtils.waitForFxEvents();
        Screenshots.save(scene, "reception-alert-ar.png");
        Node row = onFx(() -> scene.getRoot().lookup(".alert-banner")).call();
        String line = onFx(() -> row.lookupAll(".label").stream()
                .filter(n -> n instanceof Labeled l && l.getTooltip() != null)
                .map(n -> ((Labeled) n).getText()).findFirst().orElseThrow()).call();
        assertThat(line).isEqualTo(first.path("name").asText() + ": التذاكر المنتظرة: 1 (متوسط من 1)");
    }
}
