package org.queuedesk.server.event;

import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.websocket.core.CoreSession;
import org.eclipse.jetty.websocket.core.Frame;
import org.eclipse.jetty.websocket.core.OpCode;
import org.queuedesk.common.event.EventWire;

/**
 * One connected WebSocket client. While it catches up from the log, live events are buffered; afterwards
 * they are sent in sequence order, each at most once. What queued up meanwhile goes out as one write (the
 * frames batched, the last one flushing), and the next write waits until that one is done. A client that
 * falls too far behind is disconnected and catches up from the log when it reconnects.
 */
final class StreamClient implements EventHub.Subscriber {

    static final int MAX_QUEUED = 10_000;
    /** Frames per write: enough for a burst, small enough that one slow write holds little. */
    private static final int MAX_BATCH = 64;
    private final CoreSession session;
    private final boolean redact;
    private final EventWire wire;
    private final Runnable onSent;
    private final ArrayDeque<Outgoing> outbox = new ArrayDeque<>();
    private final List<PublishedEvent> buffered = new ArrayList<>();
    private boolean caughtUp;
    private int inFlight;
    private boolean closed;
    private long lastSeq;

    /** A frame to send, and its own completion (one object per frame and socket, not three). */
    private final class Outgoing implements Callback {
        final ByteBuffer payload;
        final Delivery delivery; // null for events replayed from the log

        Outgoing(ByteBuffer payload, Delivery delivery) {
            this.payload = payload;
            this.delivery = delivery;
        }

        @Override
        public void succeeded() {
            sent(this);
        }

        @Override
        public void failed(Throwable error) {
            StreamClient.this.failed(this);
        }
    }

    StreamClient(CoreSession session, boolean redact, EventWire wire, long since, Runnable onSent) {
        this.session = session;
        this.redact = redact;
        this.wire = wire;
        this.lastSeq = since;
        this.onSent = onSent;
    }

    synchronized long lastSeq() {
        return lastSeq;
    }

    /** From the hub, on the fan-out thread: must not block. */
    @Override
    public synchronized void accept(List<EventHub.Live> events) {
        for (var live : events) {
            if (caughtUp) {
                enqueue(live.event(), live.delivery());
            } else {
                buffered.add(live.event()); // timed from its publication only when it goes out live
            }
        }
        flush();
    }

    synchronized void offerFromLog(PublishedEvent event) {
        enqueue(event, null);
        flush();
    }

    synchronized void finishCatchUp() {
        caughtUp = true;
        buffered.forEach(event -> enqueue(event, null));
        buffered.clear();
        flush();
    }

    /** Closed by its socket going, by the server, or for falling too far behind: nothing more goes to it. */
    synchronized boolean isClosed() {
        return closed;
    }

    synchronized void close() {
        closed = true;
        dropOutbox();
        buffered.clear();
    }

    private void enqueue(PublishedEvent event, Delivery delivery) {
        if (closed || event.seq() <= lastSeq) {
            return;
        }
        lastSeq = event.seq();
        var payload = event.payload(redact, wire);
        if (payload == null) {
            return; // staff only (an alert): a display's sequence numbers then skip it, which clients take
        }
        if (delivery != null) {
            delivery.expect();
        }
        outbox.add(new Outgoing(payload, delivery));
        if (outbox.size() > MAX_QUEUED) {
            closed = true;
            dropOutbox();
            session.close(1008, "client too slow; reconnect with since=" + (event.seq() - MAX_QUEUED - 1), Callback.NOOP);
        }
    }

    /** Frames that will never be written still count as done, so every delivery gets timed. */
    private void dropOutbox() {
        outbox.forEach(StreamClient::done);
        outbox.clear();
    }

    /** Starts the next write unless one is under way; completions may run inside it, on this thread. */
    private void flush() {
        if (inFlight > 0 || closed || outbox.isEmpty()) {
            return;
        }
        int frames = Math.min(outbox.size(), MAX_BATCH);
        inFlight = frames;
        // a frame can fail inside sendFrame (socket already closing), which closes this client and empties the outbox
        for (int i = 0; i < frames && !closed; i++) {
            var next = outbox.poll();
            session.sendFrame(new Frame(OpCode.TEXT, true, next.payload), next, i < frames - 1);
        }
    }

    private void sent(Outgoing outgoing) {
        onSent.run();
        done(outgoing);
        synchronized (this) {
            if (--inFlight == 0) {
                flush();
            }
        }
    }

    private void failed(Outgoing outgoing) {
        done(outgoing);
        synchronized (this) {
            inFlight--;
            closed = true;
            dropOutbox();
        }
    }

    private static void done(Outgoing outgoing) {
        if (outgoing.delivery != null) {
            outgoing.delivery.done();
        }
    }
}
