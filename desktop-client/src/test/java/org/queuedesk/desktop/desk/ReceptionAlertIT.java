package org.queuedesk.desktop.desk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.queuedesk.desktop.testing.Screenshots.onFx;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
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
 * Open alerts on the reception desk against a real server (README, "Alerts"): one banner per alert in its
 * tier's colour, most severe first, at most three and a line for the rest; Acknowledge takes one off (and the
 * server audits it).
 */
@ExtendWith(ApplicationExtension.class)
class ReceptionAlertIT {

    private static final Clock CLOCK = Clock.systemUTC();
    /** Only the waiting count rules, at one ticket, in the tiers given. */
    private static final String RULES = """
            {"holdSeconds":60,"oldestWaitMinutes":{},"waitingCount":%s,"waitingWithoutSession":%s,
             "smsFailurePercent":{},"smsMinFailures":3,"printerProblemMinutes":{}}""";

    private final TestServer server = TestServer.startDemoWithSignIn(CLOCK);
    private final Api admin = server.api().signedInAs("admin", "admin");
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
    void alertsShowInTheirTiersColourUntilAcknowledged(FxRobot robot) throws Exception {
        long site = admin.get("/api/sites").json().get(0).path("id").asLong();
        var services = admin.get("/api/sites/" + site + "/services").json();
        put("/api/sites/" + site + "/alert-rules", RULES.formatted("{}", "{}"));
        List<String> tiers = List.of("medium", "high", "critical");
        for (int i = 0; i < 3; i++) {
            long service = services.get(i).path("id").asLong();
            // the first service also has nobody serving it, high: a fourth alert
            put("/api/services/" + service + "/alert-rules", RULES.formatted("{\"" + tiers.get(i) + "\":1}",
                    i == 0 ? "{\"high\":1}" : "{}"));
            admin.issue(service);
        }

        reception.signIn(robot, "reception", "reception", "#receptionButton");
        try {
            WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, onFx(() -> rows().size() == 3
                    && scene.getRoot().lookup(".alert-more") != null));
        } finally {
            Screenshots.save(scene, "reception-alerts.png");
        }
        assertThat(onFx(() -> rows().stream().map(r -> r.getStyleClass().get(1)).toList()).call())
                .as("the three most severe of four").containsExactly("alert-critical", "alert-high", "alert-high");

        Button acknowledge = onFx(() -> (Button) rows().get(0).lookup(".alert-acknowledge")).call();
        robot.clickOn(acknowledge);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, onFx(() -> rows().size() == 3
                && scene.getRoot().lookup(".alert-more") == null && rows().get(2).getStyleClass().contains("alert-medium")));
        Screenshots.save(scene, "reception-alerts-acknowledged.png");
        assertThat(admin.get("/api/audit").body()).contains("alert.acknowledged");
    }

    private List<Node> rows() {
        return List.copyOf(scene.getRoot().lookupAll(".alert-banner"));
    }

    private void put(String path, String json) {
        var response = admin.send(HttpRequest.newBuilder(URI.create(admin.baseUrl() + path))
                .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(json)));
        assertThat(response.status()).as(response.body()).isEqualTo(200);
    }
}
