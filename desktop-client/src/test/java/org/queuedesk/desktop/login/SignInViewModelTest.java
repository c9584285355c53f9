package org.queuedesk.desktop.login;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import org.junit.jupiter.api.AfterEach;
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
import org.queuedesk.desktop.testing.HealthServer;
import org.queuedesk.desktop.testing.ManualScheduler;
import org.queuedesk.server.testing.TestServer;

/** Sign-in against a real server in-process, on the current thread: no toolkit, no sleeps. */
class SignInViewModelTest {

    private final ResourceBundle messages = Theme.messages(Locale.ENGLISH);
    private final TestServer server = TestServer.startDemoWithSignIn(Clock.systemUTC());
    private final TokenStore tokens = new TokenStore(Clock.systemUTC());
    private final AddressMemory memory = AddressMemory.inMemory();
    private final List<SignInResult> signedIn = new ArrayList<>();
    private final SignInViewModel viewModel = new SignInViewModel(new CurrentThreadExecutor(),
            new ConnectionViewModel(new CurrentThreadExecutor(), new ManualScheduler(), HealthClient.withDefaults(),
                    ReconnectPolicy.DEFAULT, messages),
            memory, address -> new QueueDeskClient(HttpClient.newHttpClient(), address, tokens, Duration.ofSeconds(5)),
            signedIn::add, messages, server.baseUrl());

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void rightPasswordSignsInWithTheUsersRolesAndRemembersTheServer() {
        viewModel.usernameProperty().set("reception");
        viewModel.passwordProperty().set("reception");

        viewModel.signIn();

        assertThat(signedIn).hasSize(1);
        SignedInUser user = signedIn.get(0).user();
        assertThat(user.signInRequired()).isTrue();
        assertThat(user.roles()).containsExactly(Role.RECEPTIONIST);
        assertThat(user.allowedModes()).containsExactly(Mode.RECEPTION);
        assertThat(tokens.accessToken()).isPresent();
        assertThat(memory.lastAddress()).contains(server.baseUrl());
        assertThat(viewModel.passwordProperty().get()).isEmpty();
    }

    @Test
    void signingOutForgetsTheTokensAndEndsTheRefreshTokenAtTheServer() throws Exception {
        viewModel.usernameProperty().set("reception");
        viewModel.passwordProperty().set("reception");
        viewModel.signIn();
        var client = signedIn.get(0).client();
        String refreshToken = tokens.refreshToken().orElseThrow();

        assertThat(client.signOut()).contains(refreshToken);
        assertThat(tokens.accessToken()).isEmpty();
        client.revoke(refreshToken);

        var refresh = server.api().post("/api/auth/refresh", new org.queuedesk.common.auth.RefreshRequest(refreshToken));
        assertThat(refresh.status()).isEqualTo(401);
    }

    @Test
    void wrongPasswordIsShownByThePasswordField() {
        viewModel.usernameProperty().set("reception");
        viewModel.passwordProperty().set("nope");

        viewModel.signIn();

        assertThat(signedIn).isEmpty();
        assertThat(viewModel.passwordErrorProperty().get()).isNotEmpty();
        assertThat(viewModel.serverErrorProperty().get()).isEmpty();
        assertThat(viewModel.busyProperty().get()).isFalse();
    }

    @Test
    void aServerThatDoesNotAnswerIsShownByTheAddress() {
        viewModel.serverAddressProperty().set(HealthServer.addressOf(HealthServer.freePort()).toString());
        viewModel.usernameProperty().set("reception");
        viewModel.passwordProperty().set("reception");

        viewModel.signIn();

        assertThat(signedIn).isEmpty();
        assertThat(viewModel.serverErrorProperty().get()).startsWith("No answer from http://127.0.0.1:");
    }

    @Test
    void aMalformedAddressIsRefusedBeforeAnyRequest() {
        viewModel.serverAddressProperty().set("ftp://clinic");

        viewModel.signIn();

        assertThat(viewModel.serverErrorProperty().get()).isEqualTo("The address must start with http:// or https://");
    }

    @Test
    void aServerOfAnotherReleaseIsNamedWithBothVersionsInsteadOfFailingLater() throws Exception {
        // a server of a later minor release, which also sends a field this app does not know yet
        var other = com.sun.net.httpserver.HttpServer.create(new java.net.InetSocketAddress("127.0.0.1", 0), 0);
        other.createContext("/api/auth/config", exchange -> {
            byte[] body = ("{\"provider\":\"builtin\",\"serverVersion\":\"" + laterMinor()
                    + "\",\"somethingNew\":true}").getBytes(java.nio.charset.StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        other.start();
        try {
            viewModel.serverAddressProperty().set("http://127.0.0.1:" + other.getAddress().getPort());
            viewModel.usernameProperty().set("reception");
            viewModel.passwordProperty().set("reception");

            viewModel.signIn();

            assertThat(signedIn).isEmpty();
            assertThat(viewModel.busyProperty().get()).isFalse();
            assertThat(viewModel.serverErrorProperty().get())
                    .isEqualTo("This server runs QueueDesk " + laterMinor() + " and this app is version "
                            + org.queuedesk.common.Release.current() + ". Install the app of the server\u2019s version"
                            + " (ask your IT person), then sign in again.");
        } finally {
            other.stop(0);
        }
    }

    @Test
    void theSameReleaseSignsInAsBefore() {
        assertThat(server.api().get("/api/auth/config").json().get("serverVersion").asText())
                .isEqualTo(org.queuedesk.common.Release.current());
        viewModel.usernameProperty().set("doctor");
        viewModel.passwordProperty().set("doctor");

        viewModel.signIn();

        assertThat(signedIn).hasSize(1);
        assertThat(viewModel.serverErrorProperty().get()).isEmpty();
    }

    /** This app's version with the minor one higher: 0.1.0-SNAPSHOT gives 0.2.0. */
    private static String laterMinor() {
        String[] parts = org.queuedesk.common.Release.current().split("[.\\-]");
        return parts[0] + "." + (Integer.parseInt(parts[1]) + 1) + ".0";
    }
}
