package org.queuedesk.desktop.display;

import static org.assertj.core.api.Assertions.assertThat;
import static org.queuedesk.desktop.testing.Screenshots.onFx;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.geometry.NodeOrientation;
import javafx.scene.Node;
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
import org.queuedesk.desktop.api.HealthClient;
import org.queuedesk.desktop.app.AppShell;
import org.queuedesk.desktop.app.ConnectionViewModel;
import org.queuedesk.desktop.app.DeviceOptions;
import org.queuedesk.desktop.app.FxBackgroundExecutor;
import org.queuedesk.desktop.app.KioskLockdown;
import org.queuedesk.desktop.app.Mode;
import org.queuedesk.desktop.app.ReconnectPolicy;
import org.queuedesk.desktop.app.Theme;
import org.queuedesk.desktop.login.AddressMemory;
import org.queuedesk.desktop.testing.Screenshots;
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

    private static final ReconnectPolicy FAST =
            new ReconnectPolicy(Duration.ofMillis(400), Duration.ofMillis(200), Duration.ofMillis(800));
    private static final Clock CLOCK = Clock.systemUTC();
    private static final String ROOM_AR = "\u0627\u0644\u063a\u0631\u0641\u0629 \u0662";

    private final TestServer server = TestServer.startDemoWithSignIn(CLOCK);
    private FxBackgroundExecutor background;
    private ScheduledExecutorService scheduler;
    private Stage stage;
    private AppShell shell;
    private Scene scene;

    @Start
    void start(Stage primary) {
        this.stage = primary;
        background = new FxBackgroundExecutor(3);
        scheduler = Executors.newSingleThreadScheduledExecutor(FxBackgroundExecutor.daemonThreads("test-scheduler-"));
    }

    @AfterEach
    void tearDown() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> {
            if (shell != null) {
                shell.stop();
            }
            KioskLockdown.release(stage);
            stage.setFullScreen(false);
        }).get(5, TimeUnit.SECONDS);
        scheduler.shutdownNow();
        background.close();
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
        WaitForAsyncUtils.asyncFx(() -> {
            var messages = Theme.messages(arabic);
            var connection = new ConnectionViewModel(background, scheduler, HealthClient.withDefaults(), FAST, messages);
            var context = new AppShell.Context(background, scheduler, FAST, messages, CLOCK, HttpClient.newHttpClient(),
                    AddressMemory.inMemory(), Platform::runLater, server.baseUrl(), Optional.of(Mode.DISPLAY));
            shell = new AppShell(context, connection);
            shell.useDevices(new DeviceOptions("2468", "none", false, arabic, Duration.ofSeconds(45),
                    Duration.ofSeconds(10)), () -> { });
            scene = new Scene(shell.root(), 1366, 768);
            Theme.apply(scene);
            stage.setScene(scene);
            stage.show();
            shell.startAsDevice(Mode.DISPLAY, "qdd_demo-display");
        }).get(10, TimeUnit.SECONDS);
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
