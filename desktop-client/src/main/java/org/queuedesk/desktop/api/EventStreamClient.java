package org.queuedesk.desktop.api;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import org.queuedesk.common.event.QueueEvent;
import org.queuedesk.desktop.api.ReconnectPolicy;

/**
 * The site's live events over {@code WS /api/sites/{siteId}/events?v=2&since=N}. Keeps the last sequence number
 * it delivered; when the socket drops it reconnects by itself with exponential backoff and {@code since=} that
 * number, so no event is missed and none is delivered twice. Everything the listener hears arrives through
 * {@code deliver} (the FX thread in the app, the calling thread in tests); the socket never blocks it.
 *
 * <p>Every (re)connect asks its {@link Credentials} for the token first, so a desk signed in long ago never
 * knocks with an expired token: a token that is due is refreshed (on the scheduler's thread, never the
 * caller's), and a token the server refused with 401 is refreshed before the next try. When the sign-in
 * itself has ended (the refresh token is refused) it stops trying and says so instead of retrying forever.
 */
public final class EventStreamClient implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(EventStreamClient.class.getName());
    /** The server's close code for a {@code since} past the site's last event (README, live events). */
    static final int SINCE_BEYOND_LAST = 4409;
    /** No sequence number to resume from: the next connect asks for live events only. */
    private static final long FROM_NOW = -1;

    /** What a view-model hears, always through {@code deliver}. */
    public interface Listener {
        void onEvent(QueueEvent event);

        /** The stream is open; {@code afterDrop} is true when this is a reconnect after losing it. */
        void onConnected(boolean afterDrop);

        /** The stream dropped; it reconnects by itself after {@code retryIn}. */
        void onDisconnected(Duration retryIn);

        /** The sign-in has ended (refresh refused): the stream stopped and only signing in again helps. */
        default void onSignInEnded() {
        }
    }

    /** Where the bearer token comes from; {@link QueueDeskClient} refreshes it, a device token never changes. */
    public interface Credentials {
        /** True when {@link #bearer} would block (it refreshes first). */
        boolean mustRenew(String refused);

        /** The token to send; refreshed first when due or when the server refused {@code refused}. */
        Optional<String> bearer(String refused) throws IOException, InterruptedException, ApiException;

        /** True once the sign-in has ended and refreshing cannot help. */
        boolean ended();

        /** The token as it is now: no I/O and no waiting for a refresh under way elsewhere. */
        Optional<String> current();

        /** The signed-in user's tokens through their client, which refreshes them. */
        static Credentials of(QueueDeskClient client) {
            return new Credentials() {
                @Override
                public boolean mustRenew(String refused) {
                    return client.mustRenew(refused);
                }

                @Override
                public Optional<String> bearer(String refused) throws IOException, InterruptedException, ApiException {
                    return client.bearer(refused);
                }

                @Override
                public boolean ended() {
                    return client.tokens().hasEnded();
                }

                @Override
                public Optional<String> current() {
                    return client.tokens().accessToken();
                }
            };
        }
    }

    /** A fixed token (a device's), read from the store at each connect. */
    static Credentials fixed(TokenStore tokens) {
        return new Credentials() {
            @Override
            public boolean mustRenew(String refused) {
                return false;
            }

            @Override
            public Optional<String> bearer(String refused) {
                return tokens.accessToken();
            }

            @Override
            public boolean ended() {
                return false;
            }

            @Override
            public Optional<String> current() {
                return tokens.accessToken();
            }
        };
    }

    private final HttpClient http;
    private final Credentials credentials;
    private final ScheduledExecutorService scheduler;
    private final ReconnectPolicy policy;
    private final Executor deliver;
    private final ObjectMapper json = QueueDeskClient.lenientMapper();

    // guarded by this
    private URI server;
    private long siteId;
    private long lastSeq;
    private Listener listener;
    private long generation;
    private int failures;
    private boolean everConnected;
    private WebSocket socket;
    private ScheduledFuture<?> retry;
    private String refused;
    private boolean ended;

    /** With a token that does not change (a kiosk's or display's device token). */
    public EventStreamClient(HttpClient http, TokenStore tokens, ScheduledExecutorService scheduler,
                             ReconnectPolicy policy, Executor deliver) {
        this(http, fixed(tokens), scheduler, policy, deliver);
    }

    public EventStreamClient(HttpClient http, Credentials credentials, ScheduledExecutorService scheduler,
                             ReconnectPolicy policy, Executor deliver) {
        this.http = http;
        this.credentials = credentials;
        this.scheduler = scheduler;
        this.policy = policy;
        this.deliver = deliver;
    }

    /** Starts (or restarts) listening to a site's events after {@code since}. */
    public synchronized void start(URI server, long siteId, long since, Listener listener) {
        stopLocked();
        this.server = server;
        this.siteId = siteId;
        this.lastSeq = since;
        this.listener = listener;
        this.failures = 0;
        this.everConnected = false;
        this.refused = null;
        this.ended = false;
        connect(++generation);
    }

    /** The sequence number of the last event delivered. */
    public synchronized long lastSeq() {
        return lastSeq;
    }

    public synchronized boolean connected() {
        return socket != null;
    }

    /** Reconnects now instead of waiting for the backoff (e.g. once the server answers again). */
    public synchronized void reconnectNow() {
        if (listener == null || socket != null || ended) {
            return;
        }
        if (retry != null) {
            retry.cancel(false);
        }
        connect(++generation);
    }

    public synchronized void stop() {
        stopLocked();
        listener = null;
    }

    @Override
    public void close() {
        stop();
    }

    private void stopLocked() {
        generation++;
        if (retry != null) {
            retry.cancel(false);
            retry = null;
        }
        if (socket != null) {
            socket.abort();
            socket = null;
        }
    }

    static URI eventsUri(URI server, long siteId, long since) {
        String base = server.toString().replaceFirst("^http", "ws");
        while (base.endsWith("/")) {
            base = base.substring(0, base.length() - 1);
        }
        // wire version 2: event types as the states are spelled (ticket.no_show); readers take both anyway
        String path = base + "/api/sites/" + siteId + "/events?v=2";
        return URI.create(since == FROM_NOW ? path : path + "&since=" + since);
    }

    // with the lock held
    private void connect(long forGeneration) {
        if (credentials.mustRenew(refused)) {
            // refreshing is blocking I/O: never on the caller's thread (it may be the FX thread)
            retry = scheduler.schedule(() -> openSocket(forGeneration, true), 0, TimeUnit.MILLISECONDS);
        } else {
            openSocket(forGeneration, false);
        }
    }

    private void openSocket(long forGeneration, boolean renew) {
        URI uri;
        String refusedBefore;
        synchronized (this) {
            if (forGeneration != generation) {
                return;
            }
            uri = eventsUri(server, siteId, lastSeq);
            refusedBefore = refused;
        }
        if (credentials.ended()) {
            // a request found the refresh token refused: knocking again cannot help
            signInEnded(forGeneration);
            return;
        }
        Optional<String> token;
        try {
            token = renew ? credentials.bearer(refusedBefore) : credentials.current();
        } catch (IOException | ApiException e) {
            if (credentials.ended()) {
                signInEnded(forGeneration);
            } else {
                dropped(forGeneration);
            }
            return;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        WebSocket.Builder builder = http.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(3));
        token.ifPresent(value -> builder.header("Authorization", "Bearer " + value));
        builder.buildAsync(uri, new SocketListener(forGeneration)).whenComplete((ws, error) -> {
            if (error != null) {
                if (isUnauthorized(error)) {
                    refusedBy(forGeneration, token.orElse(null));
                }
                dropped(forGeneration);
            }
        });
    }

    private static boolean isUnauthorized(Throwable error) {
        Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
        return cause instanceof WebSocketHandshakeException handshake && handshake.getResponse() != null
                && handshake.getResponse().statusCode() == 401;
    }

    private synchronized void refusedBy(long forGeneration, String token) {
        if (forGeneration == generation) {
            refused = token;
        }
    }

    private synchronized void signInEnded(long forGeneration) {
        if (forGeneration != generation || listener == null) {
            return;
        }
        ended = true;
        socket = null;
        generation++;
        Listener target = listener;
        deliver.execute(target::onSignInEnded);
    }

    private synchronized void opened(long forGeneration, WebSocket ws) {
        if (forGeneration != generation) {
            ws.abort();
            return;
        }
        socket = ws;
        failures = 0;
        refused = null;
        boolean afterDrop = everConnected;
        everConnected = true;
        Listener target = listener;
        deliver.execute(() -> target.onConnected(afterDrop));
    }

    private synchronized void received(long forGeneration, String text) {
        if (forGeneration != generation) {
            return;
        }
        QueueEvent event;
        JsonNode node = null;
        try {
            node = json.readTree(text);
            long seq = node.path("seq").asLong(-1);
            if (seq <= lastSeq) {
                return;
            }
            lastSeq = seq;
            event = json.treeToValue(node, QueueEvent.class);
        } catch (Exception e) {
            // an event type this client does not know yet: skip it, keep the sequence moving
            LOG.warning(unreadable(node, e));
            return;
        }
        Listener target = listener;
        deliver.execute(() -> target.onEvent(event));
    }

    /**
     * What is logged of an event this client cannot read: its type and number, and where the parser stopped.
     * Never its text nor the parser's message: both can hold a patient's name or phone number.
     */
    static String unreadable(JsonNode node, Exception e) {
        String type = node == null ? "?" : node.path("type").asText("?");
        String seq = node == null || !node.path("seq").canConvertToLong() ? "?" : node.path("seq").asText();
        String where = e instanceof JsonMappingException mapping ? " at " + mapping.getPathReference() : "";
        return "Ignoring an event this client cannot read: type " + abbreviate(type) + ", seq " + seq + " ("
                + e.getClass().getSimpleName() + where + ")";
    }

    private static String abbreviate(String value) {
        return value.length() <= 40 ? value : value.substring(0, 40) + "\u2026";
    }

    /**
     * The server has fewer events than this desk heard of (it was restored from an older copy, or it is another
     * site's database): asking again from the same number would be refused for ever. Follow from now; the
     * reconnect makes the listener re-read its snapshot ({@code onConnected(true)}), whose number the board takes.
     */
    private synchronized void forgetSequence(long forGeneration, String reason) {
        if (forGeneration == generation) {
            LOG.info("The server refused to resume the live stream (" + reason + "): following it from now");
            lastSeq = FROM_NOW;
        }
    }

    private synchronized void dropped(long forGeneration) {
        if (forGeneration != generation || listener == null) {
            return;
        }
        socket = null;
        failures++;
        Duration delay = policy.retryDelay(failures);
        long next = ++generation;
        retry = scheduler.schedule(() -> {
            synchronized (this) {
                if (next == generation) {
                    connect(next);
                }
            }
        }, delay.toMillis(), TimeUnit.MILLISECONDS);
        Listener target = listener;
        deliver.execute(() -> target.onDisconnected(delay));
    }

    private final class SocketListener implements WebSocket.Listener {
        private final long forGeneration;
        private final StringBuilder text = new StringBuilder();

        SocketListener(long forGeneration) {
            this.forGeneration = forGeneration;
        }

        @Override
        public void onOpen(WebSocket webSocket) {
            opened(forGeneration, webSocket);
            webSocket.request(1);
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            text.append(data);
            if (last) {
                String message = text.toString();
                text.setLength(0);
                received(forGeneration, message);
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            if (statusCode == SINCE_BEYOND_LAST) {
                forgetSequence(forGeneration, reason);
            }
            dropped(forGeneration);
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            dropped(forGeneration);
        }
    }
}
