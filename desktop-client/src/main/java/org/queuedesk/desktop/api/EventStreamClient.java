package org.queuedesk.desktop.api;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
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
import java.util.logging.Level;
import java.util.logging.Logger;
import org.queuedesk.common.event.QueueEvent;
import org.queuedesk.desktop.api.ReconnectPolicy;

/**
 * The site's live events over {@code WS /api/sites/{siteId}/events?v=2&since=N}. Keeps the last sequence number
 * it delivered; when the socket drops it reconnects by itself with exponential backoff and {@code since=} that
 * number, so no event is missed and none is delivered twice. Everything the listener hears arrives through
 * {@code deliver} (the FX thread in the app, the calling thread in tests); the socket never blocks it.
 *
 * <p>Every (re)connect asks its {@link Session} for the token first, so a desk signed in long ago never
 * knocks with an expired token: a token that is due is refreshed, and a token the server refused with 401 is
 * refreshed before the next try. The session refreshes on its own thread and shares one refresh with the
 * desk's requests; the connect waits for it without holding a thread, so neither the caller (maybe the FX
 * thread) nor the scheduler that runs every reconnect timer is held up by a slow identity provider. When the
 * sign-in itself has ended (the refresh token is refused) it stops trying and says so instead of retrying forever.
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

    private final HttpClient http;
    private final Session session;
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
        this(http, Session.fixed(tokens), scheduler, policy, deliver);
    }

    /** With the signed-in user's session, shared with their {@link QueueDeskClient} ({@link QueueDeskClient#session}). */
    public EventStreamClient(HttpClient http, Session session, ScheduledExecutorService scheduler,
                             ReconnectPolicy policy, Executor deliver) {
        this.http = http;
        this.session = session;
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
        if (session.ended()) {
            // a request found the refresh token refused: knocking again cannot help
            signInEnded(forGeneration);
            return;
        }
        // completes at once unless a refresh is due; then on the session's thread, never here
        session.bearerAsync(refused).<Void>handle((token, error) -> {
            if (error == null) {
                openSocket(forGeneration, token);
            } else if (session.ended()) {
                signInEnded(forGeneration);
            } else {
                dropped(forGeneration);
            }
            return null;
        }).exceptionally(bug -> {
            // thrown inside the callback, which may run on the session's thread: say so and keep trying
            LOG.log(Level.WARNING, "Could not open the live stream", bug);
            dropped(forGeneration);
            return null;
        });
    }

    private void openSocket(long forGeneration, Optional<String> token) {
        URI uri;
        synchronized (this) {
            if (forGeneration != generation) {
                return;
            }
            uri = eventsUri(server, siteId, lastSeq);
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
