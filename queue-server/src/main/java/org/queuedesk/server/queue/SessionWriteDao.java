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

    /** A session with its room's name and its site's time zone. */
    static Optional<SessionRow> find(WriteTransaction tx, long sessionId) {
        return tx.sql(SessionDao.SESSION + " WHERE s.id = ?", s -> {
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
