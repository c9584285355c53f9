package org.queuedesk.server.ground;

/**
 * Thrown by a write that found another transaction got there first in a way only running it again resolves
 * (e.g. a concurrent request with the same idempotency key committed meanwhile: the second run replays its
 * answer). Where many transactions write, the write is undone and run again like after a serialization
 * failure; the single SQLite writer never meets one.
 */
public final class WriteCollision extends RuntimeException {

    public WriteCollision(String message) {
        super(message);
    }
}
