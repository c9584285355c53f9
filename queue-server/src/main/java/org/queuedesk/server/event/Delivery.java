package org.queuedesk.server.event;

import io.micrometer.core.instrument.Timer;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One live event on its way to the sockets of its site. Times the server's whole share of a call reaching
 * the displays: from the publish after commit until every outbox has it, and until the last socket's frame
 * is written (or given up).
 */
final class Delivery {

    private final long publishedAt = System.nanoTime();
    private final AtomicInteger handing;
    private final AtomicInteger pending; // frames not yet written, plus one per shard still handing out
    private final Timer handed;
    private final Timer written;

    Delivery(Timer handed, Timer written, int shards) {
        this.handed = handed;
        this.written = written;
        this.handing = new AtomicInteger(shards);
        this.pending = new AtomicInteger(shards);
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

    /** A shard has handed the event to all its subscribers. */
    void handedOver() {
        if (handing.decrementAndGet() == 0) {
            handed.record(elapsedNanos(), TimeUnit.NANOSECONDS);
        }
        done();
    }

    private long elapsedNanos() {
        return System.nanoTime() - publishedAt;
    }
}
