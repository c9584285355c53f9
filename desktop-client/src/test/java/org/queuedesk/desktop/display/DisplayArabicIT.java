package org.queuedesk.desktop.display;

import static org.assertj.core.api.Assertions.assertThat;
import static org.queuedesk.desktop.testing.Screenshots.onFx;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import javafx.geometry.NodeOrientation;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.queuedesk.common.queue.NextResult;
import org.queuedesk.common.queue.OpenSessionRequest;
import org.queuedesk.common.queue.SessionDto;
import org.queuedesk.common.ticket.IssueTicketRequest;
import org.queuedesk.desktop.app.DeviceOptions;
import org.queuedesk.desktop.ground.Mode;
import org.queuedesk.desktop.testing.Screenshots;
import org.queuedesk.desktop.testing.ShellHarness;
import org.queuedesk.server.testing.Api;
import org.queuedesk.server.testing.TestServer;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The desktop waiting-room display in Arabic, started as its launcher does: mirrored, and a call
 * shows the room by the Arabic name an admin gave it.
 */
@ExtendWith(ApplicationExtension.class)
class DisplayArabicIT {

    private static final Clock CLOCK = Clock.systemUTC();
    private static final String ROOM_AR = "\u0627\u0644\u063a\u0631\u0641\u0629 \u0662";

    private final TestServer server = TestServer.startDemoWithSignIn(CLOCK);
    private final ShellHarness app =
            ShellHarness.against(server.baseUrl()).clock(CLOCK).language(Locale.forLanguageTag("ar"));
    private Stage stage;
    private Scene scene;

    @Start
    void start(Stage primary) {
        this.stage = primary;
    }

    @AfterEach
    void tearDown() throws Exception {
        app.close();
        server.close();
    }

    @Test
    void theArabicBoardIsMirroredAndNamesTheRoomInArabic() throws Exception {
        Api admin = server.api().signedInAs("admin", "admin");
        var named = admin.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/api/rooms/2/names"))
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"names\": {\"ar\": \"" + ROOM_AR + "\"}}")));
        assertThat(named.status()).isEqualTo(200);
        admin.issue(new IssueTicketRequest(1L, null, null, null, null, null));
        Api doctor = server.api().signedInAs("doctor", "doctor");
        SessionDto session = doctor.post("/api/sessions", new OpenSessionRequest(2L, List.of(1L), null))
                .as(SessionDto.class);

        Locale arabic = Locale.forLanguageTag("ar");
        scene = app.startDevice(stage, Mode.DISPLAY, "qdd_demo-display", new DeviceOptions("2468", "none", false, arabic,
                Duration.ofSeconds(45), Duration.ofSeconds(10)), () -> { }).scene();
        Label offline = (Label) onFx(() -> scene.getRoot().lookup("#displayOffline")).call();
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, onFx(() -> !offline.isVisible()));

        doctor.post("/api/sessions/" + session.id() + "/next", null).as(NextResult.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, onFx(() -> scene.getRoot().lookup("#call-A001") != null));
        assertThat(onFx(() -> scene.getRoot().getEffectiveNodeOrientation()).call()).isEqualTo(NodeOrientation.RIGHT_TO_LEFT);
        assertThat(onFx(() -> texts((Parent) scene.getRoot().lookup("#call-A001"))).call()).contains(ROOM_AR)
                .doesNotContain("Room 2");
        Screenshots.save(scene, "display-ar.png");
    }

    private static List<String> texts(Parent parent) {
        return parent.lookupAll(".label").stream().filter(n -> n instanceof Label).map(n -> ((Label) n).getText()).toList();
    }
}
