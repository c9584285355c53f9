package org.queuedesk.desktop.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import javafx.beans.property.SimpleObjectProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.queuedesk.desktop.api.HealthClient;
import org.queuedesk.desktop.live.LiveStatus;
import org.queuedesk.desktop.testing.HealthServer;
import org.queuedesk.desktop.testing.ManualScheduler;
import org.queuedesk.desktop.ground.BackgroundExecutor;
import org.queuedesk.desktop.ground.CurrentThreadExecutor;
import org.queuedesk.desktop.api.ReconnectPolicy;
import org.queuedesk.desktop.ground.Theme;

class ConnectionViewModelTest {

    private static final ReconnectPolicy POLICY =
            new ReconnectPolicy(Duration.ofSeconds(5), Duration.ofSeconds(1), Duration.ofSeconds(8));

    private final ManualScheduler scheduler = new ManualScheduler();
    private final List<HealthServer> servers = new ArrayList<>();

    @AfterEach
    void stopServers() {
        servers.forEach(HealthServer::close);
    }

    private HealthServer server(int port) {
        HealthServer server = HealthServer.start(port);
        servers.add(server);
        return server;
    }

    private ConnectionViewModel viewModel(BackgroundExecutor background) {
        return new ConnectionViewModel(background, scheduler, HealthClient.withDefaults(), POLICY,
                Theme.messages(Locale.ENGLISH));
    }

    @Test
    void reachableServerIsReportedAndPolledAtTheNormalInterval() {
        HealthServer server = server(0);
        ConnectionViewModel connection = viewModel(new CurrentThreadExecutor());

        connection.connect(server.address());

        assertThat(connection.isServerReachable()).isTrue();
        assertThat(connection.bannerVisibleProperty().get()).isFalse();
        assertThat(connection.getStatusText()).isEqualTo("Connected to " + server.address());
        assertThat(scheduler.pendingDelays()).containsExactly(Duration.ofSeconds(5));
    }

    @Test
    void stoppedServerTurnsReachableFalseAndShowsTheBanner() {
        HealthServer server = server(0);
        ConnectionViewModel connection = viewModel(new CurrentThreadExecutor());
        connection.connect(server.address());
        assertThat(connection.isServerReachable()).isTrue();

        server.close();
        scheduler.runNext();

        assertThat(connection.isServerReachable()).isFalse();
        assertThat(connection.bannerVisibleProperty().get()).isTrue();
        assertThat(connection.getStatusText()).startsWith("No answer from " + server.address());
    }

    @Test
    void retriesBackOffExponentiallyUpToTheCapAndResetOnRecovery() {
        int port = HealthServer.freePort();
        ConnectionViewModel connection = viewModel(new CurrentThreadExecutor());

        connection.connect(HealthServer.addressOf(port));
        for (int i = 0; i < 4; i++) {
            scheduler.runNext();
        }

        assertThat(scheduler.requestedDelays()).containsExactly(
                Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(4), Duration.ofSeconds(8),
                Duration.ofSeconds(8));
        assertThat(connection.getStatusText()).endsWith("next try in 8 s");

        server(port);
        scheduler.runNext();

        assertThat(connection.isServerReachable()).isTrue();
        assertThat(connection.bannerVisibleProperty().get()).isFalse();
        assertThat(scheduler.pendingDelays()).containsExactly(Duration.ofSeconds(5));
    }

    @Test
    void unhealthyStatusCountsAsUnreachable() {
        HealthServer server = server(0);
        server.answer(503);
        ConnectionViewModel connection = viewModel(new CurrentThreadExecutor());

        connection.connect(server.address());

        assertThat(connection.isServerReachable()).isFalse();
        assertThat(scheduler.pendingDelays()).containsExactly(Duration.ofSeconds(1));
    }

    @Test
    void bannerStaysHiddenUntilTheFirstAnswer() {
        DeferredExecutor background = new DeferredExecutor();
        ConnectionViewModel connection = viewModel(background);

        connection.connect(URI.create("http://127.0.0.1:" + HealthServer.freePort()));

        assertThat(connection.bannerVisibleProperty().get()).isFalse();
        assertThat(connection.getStatusText()).startsWith("Checking ");
        background.runAll();
        assertThat(connection.bannerVisibleProperty().get()).isTrue();
    }

    @Test
    void answerForAReplacedAddressIsIgnored() {
        HealthServer healthy = server(0);
        DeferredExecutor background = new DeferredExecutor();
        ConnectionViewModel connection = viewModel(background);

        connection.connect(HealthServer.addressOf(HealthServer.freePort()));
        connection.connect(healthy.address());
        background.runAll();

        assertThat(connection.isServerReachable()).isTrue();
        assertThat(connection.serverProperty().get()).isEqualTo(healthy.address());
        assertThat(scheduler.pendingDelays()).containsExactly(Duration.ofSeconds(5));
    }

    @Test
    void stopCancelsThePendingCheck() {
        HealthServer server = server(0);
        ConnectionViewModel connection = viewModel(new CurrentThreadExecutor());
        connection.connect(server.address());

        connection.stop();

        assertThat(scheduler.pendingDelays()).isEmpty();
    }

    // the server answered, so the status bar said "Connected" while the desk's live stream was refused
    // and the desk said "Connecting to live updates… actions are disabled". One state feeds both now.
    @Test
    void aDeskWhoseLiveStreamIsLostIsNotConnectedAndTheBannerSaysWhy() {
        HealthServer server = server(0);
        ConnectionViewModel connection = viewModel(new CurrentThreadExecutor());
        var live = new SimpleObjectProperty<>(LiveStatus.STARTING);
        connection.connect(server.address());
        connection.follow(live);

        // starting takes a moment: no banner yet, and the status bar does not claim more than it knows
        assertThat(connection.getState()).isEqualTo(ConnectionViewModel.State.STARTING);
        assertThat(connection.bannerVisibleProperty().get()).isFalse();
        assertThat(connection.getStatusText()).contains("starting live updates");

        live.set(LiveStatus.LIVE);
        assertThat(connection.getState()).isEqualTo(ConnectionViewModel.State.CONNECTED);
        assertThat(connection.getStatusText()).isEqualTo("Connected to " + server.address());
        assertThat(connection.bannerVisibleProperty().get()).isFalse();

        live.set(LiveStatus.RECONNECTING);
        assertThat(connection.getState()).isEqualTo(ConnectionViewModel.State.RECONNECTING);
        assertThat(connection.getStatusText()).contains("live updates lost");
        assertThat(connection.bannerVisibleProperty().get()).isTrue();
        assertThat(connection.bannerTextProperty().get()).startsWith("Live updates lost");

        live.set(LiveStatus.SIGN_IN_ENDED);
        assertThat(connection.getState()).isEqualTo(ConnectionViewModel.State.SIGN_IN_ENDED);
        assertThat(connection.bannerVisibleProperty().get()).isTrue();
        assertThat(connection.bannerTextProperty().get()).isEqualTo("Your sign-in has ended \u2014 sign in again to go on.");
        assertThat(connection.getStatusText()).contains("sign in again");

        connection.follow(null);
        assertThat(connection.getState()).isEqualTo(ConnectionViewModel.State.CONNECTED);
        assertThat(connection.bannerVisibleProperty().get()).isFalse();
    }

    @Test
    void anUnreachableServerOutranksTheDesksLiveStatusInTheBanner() {
        HealthServer server = server(0);
        ConnectionViewModel connection = viewModel(new CurrentThreadExecutor());
        connection.connect(server.address());
        connection.follow(new SimpleObjectProperty<>(LiveStatus.RECONNECTING));

        server.close();
        scheduler.runNext();

        assertThat(connection.getState()).isEqualTo(ConnectionViewModel.State.UNREACHABLE);
        assertThat(connection.bannerTextProperty().get()).isEqualTo("Server unreachable \u2014 retrying\u2026");
        assertThat(connection.getStatusText()).startsWith("No answer from " + server.address());
    }

    /** Holds work until the test releases it, to interleave answers with user actions. */
    private static final class DeferredExecutor implements BackgroundExecutor {
        private final List<Runnable> queued = new ArrayList<>();

        @Override
        public <T> void run(Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
            queued.add(() -> new CurrentThreadExecutor().run(work, onSuccess, onFailure));
        }

        void runAll() {
            List<Runnable> now = List.copyOf(queued);
            queued.clear();
            now.forEach(Runnable::run);
        }
    }
}
