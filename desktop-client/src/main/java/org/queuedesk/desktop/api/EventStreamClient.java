package org.queuedesk.desktop.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.queuedesk.common.event.QueueEvent;
import org.queuedesk.desktop.app.ReconnectPolicy;

/**
 * The site's live events over {@code WS /api/sites/{siteId}/events?since=N}. Keeps the last sequence number
 * it delivered; when the socket drops it reconnects by itself with exponential backoff and {@code since=} that
 * number, so no event is missed and none is delivered twice. Everything the listener hears arrives through
 * {@code deliver} (the FX thread in the app, the calling thread in tests); the socket never blocks it.
 */
public final class EventStreamClient implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(EventStreamClient.class.getName());

    /** What a view-model hears, always through {@code deliver}. */
    public interface Listener {
        void onEvent(QueueEvent event);

        /** The stream is open; {@code afterDrop} is true when this is a reconnect after losing it. */
        void onConnected(boolean afterDrop);

        /** The stream dropped; it reconnects by itself after {@code retryIn}. */
        void onDisconnected(Duration retryIn);
    }

    private final HttpClient http;
    private final TokenStore tokens;
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

    public EventStreamClient(HttpClient http, TokenStore tokens, ScheduledExecutorService scheduler,
                             ReconnectPolicy policy, Executor deliver) {
        this.http = http;
        this.tokens = tokens;
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
        if (listener == null || socket != null) {
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
        return URI.create(base + "/api/sites/" + siteId + "/events?since=" + since);
    }

    private void connect(long forGeneration) {
        URI uri = eventsUri(server, siteId, lastSeq);
        WebSocket.Builder builder = http.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(3));
        tokens.accessToken().ifPresent(token -> builder.header("Authorization", "Bearer " + token));
        builder.buildAsync(uri, new SocketListener(forGeneration)).whenComplete((ws, error) -> {
            if (error != null) {
                dropped(forGeneration);
            }
        });
    }

    private synchronized void opened(long forGeneration, WebSocket ws) {
        if (forGeneration != generation) {
            ws.abort();
            return;
        }
        socket = ws;
        failures = 0;
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
        try {
            JsonNode node = json.readTree(text);
            long seq = node.path("seq").asLong(-1);
            if (seq <= lastSeq) {
                return;
            }
            lastSeq = seq;
            event = json.treeToValue(node, QueueEvent.class);
        } catch (Exception e) {
            // an event type this client does not know yet: skip it, keep the sequence moving
            LOG.log(Level.WARNING, "Ignoring an event this client cannot read: " + text, e);
            return;
        }
        Listener target = listener;
        deliver.execute(() -> target.onEvent(event));
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
            dropped(forGeneration);
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            dropped(forGeneration);
        }
    }
}
