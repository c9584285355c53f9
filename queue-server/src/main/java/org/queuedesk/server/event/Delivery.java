package org.queuedesk.server.event;

import io.micrometer.core.instrument.Timer;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One live event on its way to the sockets of its site. Times the server's whole share of a call reaching
 * the displays: from the publish after commit until the last socket's frame is written (or given up).
 */
final class Delivery {

    private final long publishedAt = System.nanoTime();
    private final AtomicInteger pending = new AtomicInteger(1); // the hub's own, until every outbox has the event
    private final Timer written;

    Delivery(Timer written) {
        this.written = written;
    }

    /** A socket took the event into its outbox; {@link #done()} follows when its frame is written. */
    void expect() {
        pending.incrementAndGet();
    }

    void done() {
        if (pending.decrementAndGet() == 0) {
            written.record(elapsedNanos(), TimeUnit.NANOSECONDS);
        }
    }

    long elapsedNanos() {
        return System.nanoTime() - publishedAt;
    }
}
