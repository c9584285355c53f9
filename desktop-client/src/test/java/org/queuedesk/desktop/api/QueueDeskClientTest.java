package org.queuedesk.desktop.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.queuedesk.server.testing.MutableClock;
import org.queuedesk.server.testing.TestServer;

/**
 * Requests of a desk signed in long ago, against a real server whose clock the test moves: the built-in
 * provider's access tokens live 10 minutes and refresh tokens 12 hours (README, "Sign-in and roles").
 */
class QueueDeskClientTest {

    private final MutableClock serverClock = new MutableClock(Instant.now());
    private final TestServer server = TestServer.startDemoWithSignIn(serverClock);
    // the desk's own clock stays put: it believes its token is fresh, the server says it has expired
    private final TokenStore tokens = new TokenStore(Clock.fixed(serverClock.instant(), serverClock.getZone()));
    private final QueueDeskClient client =
            new QueueDeskClient(HttpClient.newHttpClient(), URI.create(server.baseUrl()), tokens, Duration.ofSeconds(5));

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void aRequestRefusedWith401RefreshesOnceAndIsSentAgain() throws Exception {
        client.login("reception", "reception");
        String before = tokens.accessToken().orElseThrow();
        serverClock.advance(Duration.ofMinutes(11));

        assertThat(client.sites()).isNotEmpty();

        assertThat(tokens.accessToken()).isPresent().get().isNotEqualTo(before);
        assertThat(tokens.hasEnded()).isFalse();
    }

    @Test
    void aRefusedRefreshEndsTheSignInWithAClearMessageInsteadOfRetrying() throws Exception {
        AtomicInteger heard = new AtomicInteger();
        tokens.whenSignInEnds(heard::incrementAndGet);
        client.login("doctor", "doctor");
        // an administrator disables the account: its refresh tokens are revoked
        server.api().signedInAs("admin", "admin").post("/api/users/doctor/disable", null);
        serverClock.advance(Duration.ofMinutes(11));

        assertThatThrownBy(client::sites).isInstanceOfSatisfying(ApiException.class, e -> {
            assertThat(e.status()).isEqualTo(401);
            assertThat(e.detail()).isEqualTo("Your sign-in has ended; sign in again.");
        });
        assertThatThrownBy(client::sites).isInstanceOf(ApiException.class);

        assertThat(tokens.hasEnded()).isTrue();
        assertThat(heard).hasValue(1);
    }
}
