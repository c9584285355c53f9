package org.queuedesk.server.queue;

import java.time.Instant;
import java.util.Optional;
import org.queuedesk.server.ground.WriteTransaction;

/**
 * The session statement every Next runs on the writer, as a plain prepared statement ({@link WriteTransaction#sql}):
 * Jdbi's per-statement work cost more than SQLite's on this path (README, "Throughput"). Same SQL as
 * {@link SessionDao#find}, which reads off the writer keep using.
 */
final class SessionWriteDao {

    private SessionWriteDao() {
    }

    /**
     * The session, for a write that acts on it: where many transactions write (PostgreSQL) its row stays locked
     * until this one ends, so two actions on one session (a double-clicked Next) run one after the other, as the
     * single writer runs them on SQLite.
     */
    static Optional<SessionRow> findToChange(WriteTransaction tx, long sessionId) {
        return org.queuedesk.server.ground.Dialect.of(tx.handle()) == org.queuedesk.server.ground.Dialect.POSTGRESQL
                ? find(tx, sessionId, LOCKED) : find(tx, sessionId, PLAIN);
    }

    private static final String PLAIN = SessionDao.SESSION + " WHERE s.id = ?";
    private static final String LOCKED = PLAIN + " FOR UPDATE OF s";

    /** A session with its room's name and its site's time zone. */
    private static Optional<SessionRow> find(WriteTransaction tx, long sessionId, String sql) {
        return tx.sql(sql, s -> {
            s.setLong(1, sessionId);
            try (var rs = s.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                // by position, in SessionDao.SESSION's order (by name the driver maps names anew for each result set)
                long closedAt = rs.getLong(8);
                Instant closed = rs.wasNull() ? null : Instant.ofEpochMilli(closedAt);
                return Optional.of(new SessionRow(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(4),
                        rs.getString(5), rs.getBoolean(6), Instant.ofEpochMilli(rs.getLong(7)), closed, rs.getString(9)));
            }
        });
    }
}
