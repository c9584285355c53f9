package org.queuedesk.desktop.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.queuedesk.common.auth.RefreshRequest;
import org.queuedesk.common.auth.TokenResponse;
import org.queuedesk.common.report.ReportPeriod;
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

    @Test
    void aCsvReportAfterTheAccessTokenExpiredRenewsOnceAndIsTheServersCsv() throws Exception {
        AtomicInteger renewals = new AtomicInteger();
        TokenResponse signedIn = client.login("admin", "admin");
        // the same tokens, renewed at the same server, counted
        client.signedInElsewhere(signedIn, new QueueDeskClient.TokenRenewal() {
            @Override
            public TokenResponse renew(String refreshToken) {
                renewals.incrementAndGet();
                return server.api().post("/api/auth/refresh", new RefreshRequest(refreshToken)).as(TokenResponse.class);
            }

            @Override
            public void revoke(String refreshToken) {
            }
        });
        long siteId = client.sites().get(0).id();
        String before = tokens.accessToken().orElseThrow();
        serverClock.advance(Duration.ofMinutes(11)); // the desk's clock stays: it sends the old token, refused
        LocalDate day = LocalDate.of(2026, 11, 2);

        byte[] csv = client.reportCsv(siteId, "tickets", day, day, ReportPeriod.DAY);

        assertThat(renewals).as("renewed once, then sent again").hasValue(1);
        String renewed = tokens.accessToken().orElseThrow();
        assertThat(renewed).isNotEqualTo(before);
        String direct = server.api().withToken(renewed).send(HttpRequest.newBuilder(client.uri(
                "/api/reports/sites/" + siteId + "/tickets?from=2026-11-02&to=2026-11-02&by=day")).GET()
                .header("Accept", "text/csv")).body();
        assertThat(new String(csv, StandardCharsets.UTF_8)).as("the server's CSV, unchanged").isEqualTo(direct)
                .startsWith("\uFEFF");
    }

    @Test
    void aRefusedCsvReportIsTheServersProblem() throws Exception {
        client.login("admin", "admin");
        long siteId = client.sites().get(0).id();

        assertThatThrownBy(() -> client.reportCsv(siteId, "tickets", LocalDate.of(2026, 11, 30),
                LocalDate.of(2026, 11, 1), ReportPeriod.DAY)).isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.status()).isEqualTo(422);
                    assertThat(e.fieldErrors()).containsEntry("to", "must not be before from (2026-11-30).");
                });
    }
}
