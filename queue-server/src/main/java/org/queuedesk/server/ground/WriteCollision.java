package org.queuedesk.server.ground;

/**
 * Thrown by a write that found another transaction got there first in a way only running it again resolves
 * (e.g. a concurrent request with the same idempotency key committed meanwhile: the second run replays its
 * answer). Where many transactions write, the write is undone and run again like after a serialization
 * failure; the single SQLite writer never meets one.
 */
public final class WriteCollision extends RuntimeException {

    /** SQLSTATEs of a transaction the database rolled back because of another: serialization_failure, deadlock_detected. */
    private static final java.util.Set<String> COLLIDED = java.util.Set.of("40001", "40P01");

    public WriteCollision(String message) {
        super(message);
    }

    /**
     * Whether {@code e} comes from a write that collided with another: this exception, or the database's
     * serialization failure or deadlock. One that still collides after its retries is answered 409 "try again".
     */
    public static boolean causedBy(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof WriteCollision) {
                return true;
            }
            if (cause instanceof java.sql.SQLException sql) {
                for (java.sql.SQLException next = sql; next != null; next = next.getNextException()) {
                    // many carry no SQLSTATE (HikariCP's "connection is not available" after its timeout): Set.of
                    // rejects a null lookup, and that NullPointerException used to hide the real cause
                    String state = next.getSQLState();
                    if (state != null && COLLIDED.contains(state)) {
                        return true;
                    }
                }
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return false;
    }
}
