package org.queuedesk.desktop.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.queuedesk.common.auth.RefreshRequest;
import org.queuedesk.common.auth.TokenResponse;
import org.queuedesk.common.event.QueueEvent;
import org.queuedesk.desktop.testing.FxThreadStandIn;
import org.queuedesk.desktop.testing.ManualScheduler;

/**
 * A desk's requests and its live stream share one session. Refresh tokens are single-use at the built-in provider
 * (README, "Sign-in and roles"): a request and the stream refused at the same moment must cause one refresh at
 * the server, and one refused refresh ends the sign-in once for both. A refresh, however slow, never holds the
 * scheduler thread that runs the reconnect timers. Against a stand-in server that holds each refresh until the
 * test lets it answer, so "at the same time" is not left to chance.
 */
class SessionTest {

    private static final String OLD_ACCESS = "access-1-do-not-log";
    private static final String OLD_REFRESH = "refresh-1-do-not-log";
    private static final String NEW_ACCESS = "access-2-do-not-log";
    private static final String NEW_REFRESH = "refresh-2-do-not-log";
    private static final ReconnectPolicy POLICY =
            new ReconnectPolicy(Duration.ofMillis(100), Duration.ofMillis(100), Duration.ofMillis(400));

    private final AuthServer server = new AuthServer();
    private final TokenStore tokens = new TokenStore(Clock.fixed(Instant.parse("2026-03-02T09:00:00Z"), ZoneOffset.UTC));
    // a request timeout longer than any wait of the test: a held refresh is never cut short by it
    private final QueueDeskClient client = new QueueDeskClient(HttpClient.newHttpClient(), server.address(), tokens,
            Duration.ofSeconds(60));
    private final FxThreadStandIn fxThread = new FxThreadStandIn();
    private final ExecutorService background = Executors.newSingleThreadExecutor();
    private final List<String> heard = Collections.synchronizedList(new ArrayList<>());
    private final Logger apiLog = Logger.getLogger("org.queuedesk.desktop.api");
    private final List<LogRecord> logged = Collections.synchronizedList(new ArrayList<>());
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            logged.add(record);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };
    private EventStreamClient stream;

    @BeforeEach
    void captureTheLog() {
        apiLog.addHandler(capture);
    }

    @AfterEach
    void stop() {
        apiLog.removeHandler(capture);
        if (stream != null) {
            stream.stop();
        }
        server.close();
        background.shutdownNow();
    }

    @Test
    void aRequestAndTheStreamRefusedAtTheSameTimeCauseOneRefresh() throws Exception {
        tokens.store(new TokenResponse(OLD_ACCESS, OLD_REFRESH, 600, "reception", List.of()));
        var scheduler = new ManualScheduler();
        streamRefusedOnce(scheduler);

        // a request refused with the same token refreshes; the refresh is held at the server
        CompletableFuture<?> sites = inBackground(client::sites);
        server.awaitRefresh();
        // meanwhile the stream's reconnect timer fires: it must not refresh again, nor hold its thread
        scheduler.runNext();

        server.answerRefresh();
        assertThat(sites.get(10, TimeUnit.SECONDS)).isEqualTo(List.of());
        fxThread.runUntil("the stream knocks with the new token", () -> server.streamTokens().contains(NEW_ACCESS));

        assertThat(server.refreshTokensUsed()).containsExactly(OLD_REFRESH);
        assertThat(tokens.accessToken()).contains(NEW_ACCESS);
        assertThat(tokens.refreshToken()).contains(NEW_REFRESH);
        assertThat(tokens.hasEnded()).isFalse();
    }

    @Test
    void aRefusedRefreshEndsTheSignInOnceForTheRequestsAndTheStream() throws Exception {
        AtomicInteger ended = new AtomicInteger();
        tokens.whenSignInEnds(ended::incrementAndGet);
        tokens.store(new TokenResponse(OLD_ACCESS, OLD_REFRESH, 600, "reception", List.of()));
        server.refuseRefresh();
        var scheduler = new ManualScheduler();
        streamRefusedOnce(scheduler);

        CompletableFuture<?> sites = inBackground(client::sites);
        server.awaitRefresh();
        scheduler.runNext();
        server.answerRefresh();

        assertThatThrownBy(() -> sites.get(10, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                .cause().isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.status()).isEqualTo(401);
                    assertThat(e.detail()).isEqualTo("Your sign-in has ended; sign in again.");
                });
        fxThread.runUntil("the stream says the sign-in has ended", () -> heard.contains("signInEnded"));

        // neither a later request nor a reconnect tries the refused refresh token again
        assertThatThrownBy(client::sites).isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status()).isEqualTo(401));
        stream.reconnectNow();
        fxThread.runPending();
        assertThat(scheduler.pendingDelays()).isEmpty();

        assertThat(server.refreshTokensUsed()).containsExactly(OLD_REFRESH);
        assertThat(ended).hasValue(1);
        assertThat(heard).containsOnlyOnce("signInEnded");
        assertThat(tokens.hasEnded()).isTrue();
        assertThat(loggedText()).doesNotContain(OLD_ACCESS).doesNotContain(OLD_REFRESH).doesNotContain(NEW_ACCESS)
                .doesNotContain(NEW_REFRESH);
    }

    @Test
    void aSlowRefreshDoesNotHoldTheSchedulerThatRunsTheReconnectTimers() throws Exception {
        // a token already due: the stream refreshes before it connects
        tokens.store(new TokenResponse(OLD_ACCESS, OLD_REFRESH, 0, "reception", List.of()));
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
        try {
            stream = new EventStreamClient(HttpClient.newHttpClient(), client.session(), scheduler, POLICY, fxThread);
            stream.start(server.address(), 1, 0, listener());
            server.awaitRefresh();

            CountDownLatch otherTimer = new CountDownLatch(1);
            scheduler.schedule(otherTimer::countDown, 0, TimeUnit.MILLISECONDS);
            assertThat(otherTimer.await(10, TimeUnit.SECONDS)).as("another timer ran while the refresh was held").isTrue();

            server.answerRefresh();
            fxThread.runUntil("the stream knocks with the new token", () -> server.streamTokens().contains(NEW_ACCESS));
            assertThat(server.refreshTokensUsed()).containsExactly(OLD_REFRESH);
        } finally {
            stream.stop();
            scheduler.shutdownNow();
        }
    }

    /** Starts the stream; the server refuses its token, so its reconnect (pending on {@code scheduler}) refreshes. */
    private void streamRefusedOnce(ManualScheduler scheduler) {
        stream = new EventStreamClient(HttpClient.newHttpClient(), client.session(), scheduler, POLICY, fxThread);
        stream.start(server.address(), 1, 0, listener());
        fxThread.runUntil("the stream was refused", () -> heard.contains("disconnected"));
        assertThat(server.streamTokens()).containsExactly(OLD_ACCESS);
    }

    private EventStreamClient.Listener listener() {
        return new EventStreamClient.Listener() {
            @Override
            public void onEvent(QueueEvent event) {
                heard.add("event");
            }

            @Override
            public void onConnected(boolean afterDrop) {
                heard.add("connected");
            }

            @Override
            public void onDisconnected(Duration retryIn) {
                heard.add("disconnected");
            }

            @Override
            public void onSignInEnded() {
                heard.add("signInEnded");
            }
        };
    }

    private interface Call<T> {
        T call() throws Exception;
    }

    private <T> CompletableFuture<T> inBackground(Call<T> call) {
        CompletableFuture<T> result = new CompletableFuture<>();
        background.execute(() -> {
            try {
                result.complete(call.call());
            } catch (Exception e) {
                result.completeExceptionally(e);
            }
        });
        return result;
    }

    private String loggedText() {
        var formatter = new SimpleFormatter();
        synchronized (logged) {
            return String.join("\n", logged.stream().map(formatter::format).toList());
        }
    }

    /**
     * The built-in provider's refresh, a site list and the events socket's handshake. Only the new access token
     * is accepted; each refresh waits for {@link #answerRefresh} and then rotates the tokens (or refuses).
     */
    private static final class AuthServer implements AutoCloseable {
        private final HttpServer http;
        private final ExecutorService threads = Executors.newCachedThreadPool();
        private final List<String> refreshTokensUsed = Collections.synchronizedList(new ArrayList<>());
        private final List<String> streamTokens = Collections.synchronizedList(new ArrayList<>());
        private final CountDownLatch refreshArrived = new CountDownLatch(1);
        private final CountDownLatch answer = new CountDownLatch(1);
        private volatile boolean refuse;

        AuthServer() {
            try {
                http = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            http.setExecutor(threads);
            http.createContext("/api/auth/refresh", this::refresh);
            http.createContext("/api/sites", this::sites);
            http.start();
        }

        URI address() {
            return URI.create("http://127.0.0.1:" + http.getAddress().getPort());
        }

        void refuseRefresh() {
            refuse = true;
        }

        void awaitRefresh() throws InterruptedException {
            assertThat(refreshArrived.await(10, TimeUnit.SECONDS)).as("a refresh reached the server").isTrue();
        }

        void answerRefresh() {
            answer.countDown();
        }

        List<String> refreshTokensUsed() {
            synchronized (refreshTokensUsed) {
                return List.copyOf(refreshTokensUsed);
            }
        }

        List<String> streamTokens() {
            synchronized (streamTokens) {
                return List.copyOf(streamTokens);
            }
        }

        private void refresh(HttpExchange exchange) throws IOException {
            var request = QueueDeskClient.lenientMapper().readValue(exchange.getRequestBody(), RefreshRequest.class);
            refreshTokensUsed.add(request.refreshToken());
            refreshArrived.countDown();
            try {
                answer.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (refuse || !OLD_REFRESH.equals(request.refreshToken())) {
                respond(exchange, 401, problem(401, "That refresh token has ended."));
            } else {
                respond(exchange, 200, QueueDeskClient.lenientMapper().writeValueAsString(
                        new TokenResponse(NEW_ACCESS, NEW_REFRESH, 600, "reception", List.of())));
            }
        }

        private void sites(HttpExchange exchange) throws IOException {
            exchange.getRequestBody().readAllBytes();
            String token = bearerOf(exchange);
            boolean events = exchange.getRequestURI().getPath().endsWith("/events");
            if (events) {
                streamTokens.add(token);
            }
            if (!NEW_ACCESS.equals(token)) {
                respond(exchange, 401, problem(401, "Your token has expired."));
            } else if (events) {
                respond(exchange, 404, problem(404, "No socket here: the handshake is all this test looks at."));
            } else {
                respond(exchange, 200, "[]");
            }
        }

        private static String bearerOf(HttpExchange exchange) {
            String header = exchange.getRequestHeaders().getFirst("Authorization");
            return header == null ? "" : header.replaceFirst("^Bearer ", "");
        }

        private static String problem(int status, String detail) {
            return "{\"title\":\"Refused\",\"status\":" + status + ",\"detail\":\"" + detail + "\"}";
        }

        private static void respond(HttpExchange exchange, int status, String body) throws IOException {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type",
                    status >= 400 ? "application/problem+json" : "application/json");
            exchange.sendResponseHeaders(status, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        }

        @Override
        public void close() {
            answer.countDown();
            http.stop(0);
            threads.shutdownNow();
        }
    }
}
