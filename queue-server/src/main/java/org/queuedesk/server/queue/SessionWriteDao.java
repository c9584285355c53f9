package org.queuedesk.server.queue;

import java.util.Optional;
import org.queuedesk.server.ground.WriteTransaction;

/**
 * The session statement every Next runs on the writer, as a plain prepared statement ({@link WriteTransaction#sql}):
 * Jdbi's per-statement work cost more than SQLite's on this path (README, "Throughput"). Same SQL as
 * {@link SessionDao#find}, which reads off the writer keep using.
 */
final class SessionWriteDao {

    private static final SessionRow.Mapper ROW = new SessionRow.Mapper();

    private SessionWriteDao() {
    }

    /** A session with its room's name and its site's time zone. */
    static Optional<SessionRow> find(WriteTransaction tx, long sessionId) {
        return tx.sql(SessionDao.SESSION + " WHERE s.id = ?", s -> {
            s.setLong(1, sessionId);
            try (var rs = s.executeQuery()) {
                return rs.next() ? Optional.of(ROW.map(rs, null)) : Optional.empty();
            }
        });
    }
}
