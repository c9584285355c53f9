package org.queuedesk.server.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.WebSocket;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.queuedesk.common.auth.LoginRequest;
import org.queuedesk.common.auth.RegisterDeviceRequest;
import org.queuedesk.common.auth.RegisteredDeviceDto;
import org.queuedesk.common.auth.TokenResponse;
import org.queuedesk.server.app.QueueServer;
import org.queuedesk.server.app.ServerConfig;
import org.queuedesk.server.ground.PostgresSettings;
import org.queuedesk.server.testing.Api;
import org.queuedesk.server.testing.PostgresServer;
import org.queuedesk.server.testing.TestServer;
import org.queuedesk.server.testing.TestStore;

/**
 * Two instances on one PostgreSQL database with real sign-in (README "PostgreSQL", docs/postgresql.md: "Disabling
 * a user"): an admin disables a user, or revokes a device, through instance A; at once instance B refuses that
 * user's access token (401 problem+json, as one instance does: auth/BuiltInSignInIT) and closes the live stream
 * the user or device holds open on B, while another user's stream stays open. Once held in A's memory only, the
 * token kept working on B until it expired (10 minutes) and B's stream stayed open.
 */
@EnabledIfSystemProperty(named = TestStore.PROPERTY, matches = "postgresql",
        disabledReason = "several instances share a PostgreSQL database; a SQLite file has one server")
class AccessEndsOnEveryInstanceIT {

    private static final String DISABLED = "1008 Your account was disabled; ask an administrator.";

    private QueueServer a;
    private QueueServer b;
    private Api adminOnA;

    @BeforeEach
    void startTwoInstances() throws Exception {
        String url = PostgresServer.shared().createDatabase();
        Path keys = TestServer.freshDir().resolve("shared-keys");
        a = start(url, keys, true);
        b = start(url, keys, false);
        adminOnA = new Api(a.baseUrl()).withToken(signIn(a, "admin", "admin").accessToken());
    }

    private static QueueServer start(String url, Path keys, boolean demo) {
        ServerConfig config = ServerConfig.forTests(TestServer.freshDir()).withDemo(demo)
                .withPostgres(new PostgresSettings(url, PostgresServer.USER, null)).withKeysDir(keys);
        return new QueueServer(config, Clock.systemUTC()).start();
    }

    @AfterEach
    void stop() {
        for (QueueServer instance : new QueueServer[] {a, b}) {
            if (instance != null) {
                instance.close();
            }
        }
    }

    @Test
    void aUserDisabledOnOneInstanceIsRefusedAndLosesTheirStreamOnAnother() throws Exception {
        String nurse = signIn(b, "nurse", "nurse").accessToken();
        Api nurseOnB = new Api(b.baseUrl()).withToken(nurse);
        assertThat(nurseOnB.get("/api/sites").status()).isEqualTo(200);
        var nurseClosed = new CompletableFuture<String>();
        var nurseHeard = new LinkedBlockingQueue<String>();
        connect(b, nurse, nurseHeard, nurseClosed).get(10, TimeUnit.SECONDS);
        var doctorClosed = new CompletableFuture<String>();
        var doctorHeard = new LinkedBlockingQueue<String>();
        connect(b, signIn(a, "doctor", "doctor").accessToken(), doctorHeard, doctorClosed).get(10, TimeUnit.SECONDS);
        streamsAreLive(nurseHeard, doctorHeard);

        assertThat(adminOnA.post("/api/users/nurse/disable", null).status()).isEqualTo(200);

        var refused = nurseOnB.get("/api/sites");
        assertThat(refused.status()).as("B, right after A acknowledged the disable").isEqualTo(401);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.json().path("detail").asText()).isNotBlank();
        assertThat(nurseClosed.get(10, TimeUnit.SECONDS)).isEqualTo(DISABLED);
        assertThat(connect(b, nurse, new LinkedBlockingQueue<>(), new CompletableFuture<>()))
                .failsWithin(10, TimeUnit.SECONDS).withThrowableOfType(java.util.concurrent.ExecutionException.class);
        // another user's stream on B stays open
        assertThat(doctorClosed).isNotDone();

        // enabled again through B: A accepts the token again, as one instance does
        var adminOnB = new Api(b.baseUrl()).withToken(signIn(b, "admin", "admin").accessToken());
        assertThat(adminOnB.post("/api/users/nurse/enable", null).status()).isEqualTo(200);
        assertThat(new Api(a.baseUrl()).withToken(nurse).get("/api/sites").status()).isEqualTo(200);
    }

    @Test
    void aDeviceRevokedOnOneInstanceLosesItsStreamOnAnother() throws Exception {
        var display = adminOnA.post("/api/devices", new RegisterDeviceRequest(1L, "Hall display", "display"))
                .as(RegisteredDeviceDto.class);
        var closed = new CompletableFuture<String>();
        var heard = new LinkedBlockingQueue<String>();
        connect(b, display.token(), heard, closed).get(10, TimeUnit.SECONDS);
        streamsAreLive(heard);

        assertThat(adminOnA.post("/api/devices/" + display.device().id() + "/revoke", null).status()).isEqualTo(200);

        assertThat(new Api(b.baseUrl()).withToken(display.token()).get("/api/sites").status()).isEqualTo(401);
        assertThat(closed.get(10, TimeUnit.SECONDS))
                .isEqualTo("1008 This display was revoked; an administrator can register it again.");
    }

    /**
     * Waits until each stream has an event made through A: the stream is then registered on B and past the access
     * check it makes as it registers, so the close that follows can only come from hearing of the change.
     */
    @SafeVarargs
    private void streamsAreLive(LinkedBlockingQueue<String>... heard) throws InterruptedException {
        long service = adminOnA.get("/api/sites/1/services").json().get(0).path("id").asLong();
        adminOnA.issue(service);
        for (var stream : heard) {
            String event;
            do {
                event = stream.poll(10, TimeUnit.SECONDS);
                assertThat(event).as("an event made through A reaches the stream on B").isNotNull();
            } while (!event.contains("\"seq\""));
        }
    }

    private static TokenResponse signIn(QueueServer instance, String username, String password) {
        return new Api(instance.baseUrl()).post("/api/auth/login", new LoginRequest(username, password))
                .as(TokenResponse.class);
    }

    private static CompletableFuture<WebSocket> connect(QueueServer instance, String token,
                                                        LinkedBlockingQueue<String> heard,
                                                        CompletableFuture<String> closed) {
        String url = instance.baseUrl().replace("http", "ws") + "/api/sites/1/events?access_token=" + token;
        return new Api(instance.baseUrl()).http().newWebSocketBuilder().buildAsync(URI.create(url), new WebSocket.Listener() {
            @Override
            public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
                heard.add(data.toString());
                ws.request(1);
                return null;
            }

            @Override
            public CompletionStage<?> onClose(WebSocket ws, int statusCode, String reason) {
                closed.complete(statusCode + " " + reason);
                return null;
            }
        });
    }
}
