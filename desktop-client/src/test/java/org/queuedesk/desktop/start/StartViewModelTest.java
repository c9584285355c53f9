package org.queuedesk.desktop.start;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Locale;
import java.util.ResourceBundle;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.queuedesk.desktop.api.HealthClient;
import org.queuedesk.desktop.app.ConnectionViewModel;
import org.queuedesk.desktop.app.CurrentThreadExecutor;
import org.queuedesk.desktop.app.Mode;
import org.queuedesk.desktop.app.ReconnectPolicy;
import org.queuedesk.desktop.app.Theme;
import org.queuedesk.desktop.testing.HealthServer;
import org.queuedesk.desktop.testing.ManualScheduler;

class StartViewModelTest {

    private final ResourceBundle messages = Theme.messages(Locale.ENGLISH);
    private final ManualScheduler scheduler = new ManualScheduler();
    private final ConnectionViewModel connection = new ConnectionViewModel(new CurrentThreadExecutor(), scheduler,
            HealthClient.withDefaults(), ReconnectPolicy.DEFAULT, messages);
    private final StartViewModel viewModel = new StartViewModel(connection, messages);
    private final HealthServer server = HealthServer.start();

    @AfterEach
    void stopServer() {
        server.close();
    }

    @Test
    void defaultsToTheLocalServer() {
        assertThat(viewModel.serverAddressProperty().get()).isEqualTo("http://localhost:7070");
        assertThat(viewModel.addressValidProperty().get()).isTrue();
        assertThat(viewModel.addressErrorProperty().get()).isEmpty();
    }

    @Test
    void connectWatchesTheTypedAddress() {
        viewModel.serverAddressProperty().set(server.address().toString());

        viewModel.connect();

        assertThat(connection.serverProperty().get()).isEqualTo(server.address());
        assertThat(connection.isServerReachable()).isTrue();
    }

    @Test
    void stoppedServerShowsTheBannerOnTheNextCheck() {
        viewModel.serverAddressProperty().set(server.address().toString());
        viewModel.connect();

        server.close();
        scheduler.runNext();

        assertThat(connection.isServerReachable()).isFalse();
        assertThat(connection.bannerVisibleProperty().get()).isTrue();
        assertThat(scheduler.pendingDelays()).containsExactly(Duration.ofSeconds(1));
    }

    @Test
    void invalidAddressExplainsWhyAndIsNotUsed() {
        viewModel.serverAddressProperty().set("localhost:7070");

        viewModel.connect();

        assertThat(viewModel.addressValidProperty().get()).isFalse();
        assertThat(viewModel.addressErrorProperty().get()).isEqualTo("The address must start with http:// or https://");
        assertThat(connection.serverProperty().get()).isNull();
        assertThat(scheduler.pendingDelays()).isEmpty();
    }

    @Test
    void choosingAModeShowsItsComingSoonPlaceholderUntilBack() {
        viewModel.choose(Mode.DOCTOR);

        assertThat(viewModel.modeChosenProperty().get()).isTrue();
        assertThat(viewModel.placeholderTitleProperty().get()).isEqualTo("Doctor");
        assertThat(viewModel.placeholderTextProperty().get()).startsWith("Doctor mode is coming soon.");

        viewModel.backToModes();

        assertThat(viewModel.modeChosenProperty().get()).isFalse();
        assertThat(viewModel.placeholderTitleProperty().get()).isEmpty();
    }

    @Test
    void textsFollowTheChosenLanguage() {
        ResourceBundle spanish = Theme.messages(Locale.forLanguageTag("es"));
        StartViewModel enEspanol = new StartViewModel(connection, spanish);

        enEspanol.choose(Mode.RECEPTION);
        enEspanol.serverAddressProperty().set("");

        assertThat(enEspanol.placeholderTitleProperty().get()).isEqualTo("Recepción");
        assertThat(enEspanol.addressErrorProperty().get()).startsWith("Escriba la dirección");
    }
}
