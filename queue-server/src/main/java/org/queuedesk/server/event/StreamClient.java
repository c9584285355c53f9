package org.queuedesk.server.event;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;

/**
 * One connected WebSocket client. While it catches up from the log, live events are buffered; afterwards
 * they are sent in sequence order, each at most once, one frame in flight at a time. A client that falls
 * too far behind is disconnected and catches up from the log when it reconnects.
 */
final class StreamClient {

    static final int MAX_QUEUED = 10_000;
    private final Session session;
    private final boolean redact;
    private final Runnable onSent;
    private final ArrayDeque<String> outbox = new ArrayDeque<>();
    private final List<PublishedEvent> buffered = new ArrayList<>();
    private boolean caughtUp;
    private boolean sending;
    private boolean closed;
    private long lastSeq;

    StreamClient(Session session, boolean redact, long since, Runnable onSent) {
        this.session = session;
        this.redact = redact;
        this.lastSeq = since;
        this.onSent = onSent;
    }

    synchronized long lastSeq() {
        return lastSeq;
    }

    /** From the hub, on the publishing thread: must not block. */
    synchronized void offerLive(PublishedEvent event) {
        if (caughtUp) {
            enqueue(event);
        } else {
            buffered.add(event);
        }
    }

    synchronized void offerFromLog(PublishedEvent event) {
        enqueue(event);
    }

    synchronized void finishCatchUp() {
        caughtUp = true;
        buffered.forEach(this::enqueue);
        buffered.clear();
    }

    synchronized void close() {
        closed = true;
        outbox.clear();
        buffered.clear();
    }

    private void enqueue(PublishedEvent event) {
        if (closed || event.seq() <= lastSeq) {
            return;
        }
        lastSeq = event.seq();
        outbox.add(redact ? event.redactedJson() : event.fullJson());
        if (outbox.size() > MAX_QUEUED) {
            closed = true;
            outbox.clear();
            session.close(1008, "client too slow; reconnect with since=" + (event.seq() - MAX_QUEUED - 1), Callback.NOOP);
            return;
        }
        if (!sending) {
            sendNext();
        }
    }

    private void sendNext() {
        String message = outbox.poll();
        if (message == null || closed) {
            sending = false;
            return;
        }
        sending = true;
        session.sendText(message, Callback.from(this::sent, this::failed));
    }

    private void sent() {
        onSent.run();
        synchronized (this) {
            sendNext();
        }
    }

    private void failed(Throwable error) {
        synchronized (this) {
            closed = true;
            sending = false;
            outbox.clear();
        }
    }
}
