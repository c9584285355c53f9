package org.queuedesk.server.ground;

/**
 * More requests at once than the connections kept for them could take within their wait: answered 503 with
 * Retry-After, so a desk tries again, rather than 500 (nothing was changed). Also what a pool timeout of the
 * connection pool ({@link java.sql.SQLTransientConnectionException}) means.
 */
public final class ServerBusy extends RuntimeException {

    public ServerBusy(String message) {
        super(message);
    }

    /** Whether {@code e} or one of its causes says the server ran out of connections for the moment. */
    public static boolean causedBy(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof ServerBusy || t instanceof java.sql.SQLTransientConnectionException) {
                return true;
            }
        }
        return false;
    }
}
