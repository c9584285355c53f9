package org.queuedesk.desktop.login;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.ResourceBundle;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.queuedesk.desktop.api.HealthClient;
import org.queuedesk.desktop.api.QueueDeskClient;
import org.queuedesk.desktop.api.TokenStore;
import org.queuedesk.desktop.live.ConnectionViewModel;
import org.queuedesk.desktop.ground.CurrentThreadExecutor;
import org.queuedesk.desktop.api.ReconnectPolicy;
import org.queuedesk.desktop.ground.Theme;
import org.queuedesk.desktop.testing.CognitoPoolServer;
import org.queuedesk.desktop.testing.ManualScheduler;

/**
 * Cognito's refusals on the sign-in screen in the user's language, against cognito-local: the
 * expected words are the translators' (messages_es/ar), never the English the SDK call was mapped to.
 */
class CognitoSignInMessagesIT {

    private static CognitoPoolServer server;
    private final TokenStore tokens = new TokenStore(Clock.systemUTC());

    @BeforeAll
    static void start() {
        server = CognitoPoolServer.start().withUser("dora", "Temporary-1");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private SignInViewModel viewModel(ResourceBundle messages) {
        return new SignInViewModel(new CurrentThreadExecutor(),
                new ConnectionViewModel(new CurrentThreadExecutor(), new ManualScheduler(), HealthClient.withDefaults(),
                        ReconnectPolicy.DEFAULT, messages),
                AddressMemory.inMemory(),
                address -> new QueueDeskClient(HttpClient.newHttpClient(), address, tokens, Duration.ofSeconds(5)),
                result -> { }, messages, server.baseUrl());
    }

    @Test
    void anUnknownUserIsToldInSpanishAndArabic() {
        // as the translators wrote them
        var expected = java.util.Map.of(
                "es", "Usuario o contrase\u00f1a incorrectos",
                "ar", "\u0627\u0633\u0645 \u0627\u0644\u0645\u0633\u062a\u062e\u062f\u0645 \u0623\u0648 \u0643\u0644\u0645\u0629 "
                        + "\u0627\u0644\u0645\u0631\u0648\u0631 \u063a\u064a\u0631 \u0635\u062d\u064a\u062d\u0629");
        expected.forEach((language, words) -> {
            var viewModel = viewModel(Theme.messages(Locale.forLanguageTag(language)));
            viewModel.usernameProperty().set("nobody"); // cognito-local does not check a temporary password
            viewModel.passwordProperty().set("Some-password-1");

            viewModel.signIn();

            assertThat(viewModel.passwordErrorProperty().get()).as(language).isEqualTo(words);
        });
    }
}
