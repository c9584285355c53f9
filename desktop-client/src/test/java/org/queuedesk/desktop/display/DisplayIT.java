package org.queuedesk.desktop.display;

import static org.assertj.core.api.Assertions.assertThat;
import static org.queuedesk.desktop.testing.Screenshots.onFx;

import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.queuedesk.common.auth.TokenResponse;
import org.queuedesk.common.queue.NextResult;
import org.queuedesk.common.queue.OpenSessionRequest;
import org.queuedesk.common.queue.SessionDto;
import org.queuedesk.common.ticket.IssueTicketRequest;
import org.queuedesk.desktop.api.EventStreamClient;
import org.queuedesk.desktop.api.HealthClient;
import org.queuedesk.desktop.api.QueueDeskClient;
import org.queuedesk.desktop.api.TokenStore;
import org.queuedesk.desktop.live.ConnectionViewModel;
import org.queuedesk.desktop.ground.FxBackgroundExecutor;
import org.queuedesk.desktop.api.ReconnectPolicy;
import org.queuedesk.desktop.ground.Theme;
import org.queuedesk.desktop.testing.ManualUiTimer;
import org.queuedesk.desktop.testing.Screenshots;
import org.queuedesk.server.testing.Api;
import org.queuedesk.server.testing.TestServer;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The JavaFX waiting-room board signed in with the demo display's device token against a real server: a call
 * made through the doctor's API shows within a second and chimes; names never show; after an outage the
 * board catches up with the calls made meanwhile.
 */
@ExtendWith(ApplicationExtension.class)
class DisplayIT {

    private static final ReconnectPolicy FAST =
            new ReconnectPolicy(Duration.ofMillis(400), Duration.ofMillis(200), Duration.ofMillis(800));
    private static final Clock CLOCK = Clock.systemUTC();

    private TestServer server = TestServer.startDemoWithSignIn(CLOCK);
    private final List<String> announced = new CopyOnWriteArrayList<>();
    private final ManualUiTimer flashTimer = new ManualUiTimer();
    private FxBackgroundExecutor background;
    private ScheduledExecutorService scheduler;
    private ConnectionViewModel connection;
    private DisplayViewModel board;
    private Scene scene;

    @Start
    void start(Stage stage) {
        background = new FxBackgroundExecutor(3);
        scheduler = Executors.newSingleThreadScheduledExecutor(FxBackgroundExecutor.daemonThreads("test-scheduler-"));
        var messages = Theme.messages(Locale.ENGLISH);
        HttpClient http = HttpClient.newHttpClient();
        TokenStore tokens = new TokenStore(CLOCK);
        tokens.store(new TokenResponse("qdd_demo-display", null, 3600, "display", List.of()));
        URI address = URI.create(server.baseUrl());
        var client = new QueueDeskClient(http, address, tokens, Duration.ofSeconds(5));
        var stream = new EventStreamClient(http, tokens, scheduler, FAST, Platform::runLater);
        connection = new ConnectionViewModel(background, scheduler, HealthClient.withDefaults(), FAST, messages);
        board = new DisplayViewModel(background, client, stream, connection.serverReachableProperty(),
                (number, room) -> announced.add(number + " " + room), CLOCK, flashTimer);
        scene = new Scene(DisplayView.load(board, messages, CLOCK).root(), 1366, 768);
        Theme.apply(scene);
        stage.setScene(scene);
        stage.show();
        connection.connect(address);
        board.start();
    }

    @AfterEach
    void tearDown() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> {
            board.stop();
            connection.stop();
        }).get(5, TimeUnit.SECONDS);
        scheduler.shutdownNow();
        background.close();
        server.close();
    }

    @Test
    void aCallMadeByTheDoctorIsOnTheBoardWithinASecondAndTheBoardCatchesUpAfterAnOutage() throws Exception {
        Api reception = server.api().signedInAs("reception", "reception");
        Api doctor = server.api().signedInAs("doctor", "doctor");
        reception.issue(new IssueTicketRequest(1L, null, null, "Ana Garc\u00eda", "+34600123456", null));
        reception.issue(new IssueTicketRequest(1L, null, null, "Bruno D\u00edaz", null, null));
        reception.issue(new IssueTicketRequest(1L, null, null, null, null, null));
        SessionDto session = doctor.post("/api/sessions", new OpenSessionRequest(2L, List.of(1L), null))
                .as(SessionDto.class);
        Label offline = (Label) scene.getRoot().lookup("#displayOffline");
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, onFx(() -> !offline.isVisible()));

        // the first call warms up the path (JSON readers, the big fonts); the second one is timed
        doctor.post("/api/sessions/" + session.id() + "/next", null).as(NextResult.class);
        try {
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, onFx(() -> scene.getRoot().lookup("#call-A001") != null));
        } catch (java.util.concurrent.TimeoutException e) {
            Screenshots.save(scene, "display-failed.png");
            throw new AssertionError("board: offline=" + onFx(offline::isVisible).call() + " streaming="
                    + onFx(() -> board.streamingProperty().get()).call() + " current="
                    + onFx(() -> List.copyOf(board.current())).call() + " recent=" + onFx(() -> List.copyOf(board.recent())).call()
                    + " announced=" + announced + " status=" + server.api().withToken("qdd_demo-display")
                    .get("/api/sites/1/queue-status").body(), e);
        }
        doctor.post("/api/sessions/" + session.id() + "/next", null).as(NextResult.class);
        WaitForAsyncUtils.waitFor(1, TimeUnit.SECONDS, onFx(() -> scene.getRoot().lookup("#call-A002") != null));
        assertThat(onFx(() -> scene.getRoot().lookup("#call-A001")).call()).as("A-001 is done").isNull();

        doctor.post("/api/sessions/" + session.id() + "/recall", null).as(org.queuedesk.common.ticket.TicketDto.class);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> announced.size() == 3);
        assertThat(announced).containsExactly("A-001 Room 2", "A-002 Room 2", "A-002 Room 2");
        assertThat(onFx(() -> board.recent().stream().map(DisplayViewModel.Call::number).toList()).call())
                .as("earlier calls: A-001 once; A-002 is on the board in big").containsExactly("A-001");
        assertThat(onFx(this::allText).call()).doesNotContain("Ana").doesNotContain("Bruno").doesNotContain("600123456");
        // the recalled number flashes on the board until its flash timer runs out
        assertThat(onFx(() -> flashes("#call-A002")).call()).as("the recall flashes").isTrue();
        Screenshots.save(scene, "display-flash.png");
        WaitForAsyncUtils.asyncFx(flashTimer::fireUntilQuiet).get(5, TimeUnit.SECONDS);
        assertThat(onFx(() -> flashes("#call-A002")).call()).isFalse();
        Screenshots.save(scene, "display.png");

        // the server goes away; the board keeps the last calls and says it is reconnecting
        Path dataDir = server.dataDir();
        int port = server.port();
        server.close();
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, onFx(offline::isVisible));
        assertThat(onFx(() -> scene.getRoot().lookup("#call-A002") != null).call()).isTrue();
        Screenshots.save(scene, "display-offline.png");

        // back on the same data and port; a call made before the board reconnects still reaches it, once
        server = TestServer.startOnWithSignIn(dataDir, CLOCK, port);
        doctor.post("/api/sessions/" + session.id() + "/next", null).as(NextResult.class);
        try {
            WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, onFx(() -> !offline.isVisible()
                    && scene.getRoot().lookup("#call-A003") != null));
        } catch (java.util.concurrent.TimeoutException e) {
            Screenshots.save(scene, "display-failed.png");
            throw new AssertionError("board: offline=" + onFx(offline::isVisible).call() + " streaming="
                    + onFx(() -> board.streamingProperty().get()).call() + " current="
                    + onFx(() -> List.copyOf(board.current())).call() + " announced=" + announced, e);
        }
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> announced.size() == 4);
        assertThat(announced.get(3)).isEqualTo("A-003 Room 2");
        assertThat(onFx(() -> scene.getRoot().lookup("#call-A002")).call()).as("A-002 is done").isNull();
    }

    private boolean flashes(String rowId) {
        Node row = scene.getRoot().lookup(rowId);
        return row != null && row.getPseudoClassStates().contains(javafx.css.PseudoClass.getPseudoClass("flash"));
    }

    private String allText() {
        StringBuilder text = new StringBuilder();
        for (Node node : scene.getRoot().lookupAll(".label")) {
            text.append(((Label) node).getText()).append('\n');
        }
        return text.toString();
    }
}
