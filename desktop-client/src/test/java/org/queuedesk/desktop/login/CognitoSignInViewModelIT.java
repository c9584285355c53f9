package org.queuedesk.desktop.login;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.queuedesk.common.Role;
import org.queuedesk.desktop.api.HealthClient;
import org.queuedesk.desktop.api.QueueDeskClient;
import org.queuedesk.desktop.api.TokenStore;
import org.queuedesk.desktop.live.ConnectionViewModel;
import org.queuedesk.desktop.ground.CurrentThreadExecutor;
import org.queuedesk.desktop.ground.Mode;
import org.queuedesk.desktop.api.ReconnectPolicy;
import org.queuedesk.desktop.ground.Theme;
import org.queuedesk.desktop.testing.CognitoPoolServer;
import org.queuedesk.desktop.testing.ManualScheduler;

/**
 * The sign-in screen's logic against a server configured for Amazon Cognito and cognito-local: the first
 * sign-in asks for a new password, then the user's roles come from the pool's groups via the server.
 */
class CognitoSignInViewModelIT {

    private static CognitoPoolServer server;
    private final ResourceBundle messages = Theme.messages(Locale.ENGLISH);
    private final TokenStore tokens = new TokenStore(Clock.systemUTC());
    private final List<SignInResult> signedIn = new ArrayList<>();

    @BeforeAll
    static void start() {
        server = CognitoPoolServer.start().withUser("dora", "Temporary-1", "doctor");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private SignInViewModel viewModel() {
        return new SignInViewModel(new CurrentThreadExecutor(),
                new ConnectionViewModel(new CurrentThreadExecutor(), new ManualScheduler(), HealthClient.withDefaults(),
                        ReconnectPolicy.DEFAULT, messages),
                AddressMemory.inMemory(),
                address -> new QueueDeskClient(HttpClient.newHttpClient(), address, tokens, Duration.ofSeconds(5)),
                signedIn::add, messages, server.baseUrl());
    }

    @Test
    void aFirstSignInAsksForANewPasswordThenSignsInWithThePoolsRoles() throws Exception {
        var viewModel = viewModel();
        viewModel.usernameProperty().set("dora");
        viewModel.passwordProperty().set("Temporary-1");

        viewModel.signIn();

        assertThat(signedIn).isEmpty();
        assertThat(viewModel.newPasswordRequiredProperty().get()).isTrue();
        assertThat(viewModel.passwordErrorProperty().get()).contains("new password");

        viewModel.signIn();
        assertThat(viewModel.passwordErrorProperty().get()).isEqualTo("Type the new password you want to use");

        viewModel.newPasswordProperty().set("Chosen-pass-22");
        viewModel.signIn();

        assertThat(signedIn).hasSize(1);
        var user = signedIn.get(0).user();
        assertThat(user.roles()).containsExactly(Role.DOCTOR);
        assertThat(user.allowedModes()).containsExactly(Mode.DOCTOR);
        assertThat(viewModel.newPasswordRequiredProperty().get()).isFalse();
        assertThat(signedIn.get(0).client().me().name()).isEqualTo("dora");
    }
}
