package org.queuedesk.server.site;

import java.sql.ResultSet;
import org.queuedesk.server.ground.Port;
import org.queuedesk.server.ground.WriteTransaction;

/**
 * A site's event counter on PostgreSQL, as plain prepared statements ({@link WriteTransaction#sql}): every event of
 * every write takes its number here, and Jdbi's per-statement work was a visible part of a request's CPU there
 * (README, "Stores and instances").
 */
@Port
public final class SiteWriteDao {

    private SiteWriteDao() {
    }

    /**
     * The site's next event sequence number, counted on its row: the row stays locked until the transaction ends,
     * so one site's events commit in sequence order.
     */
    public static long takeEventSeq(WriteTransaction tx, long siteId) {
        return tx.sql("UPDATE sites SET event_seq = event_seq + 1 WHERE id = ? RETURNING event_seq", s -> {
            s.setLong(1, siteId);
            return seq(s.executeQuery(), siteId);
        });
    }

    /**
     * {@link #takeEventSeq}, and in the same statement a notification on {@code channel} ({@code siteId:seq}), which
     * PostgreSQL sends to every listener when (and only if) the transaction commits: one round trip fewer than a
     * statement of its own for the announcement.
     */
    public static long takeEventSeqAndNotify(WriteTransaction tx, long siteId, String channel) {
        return tx.sql("""
                UPDATE sites SET event_seq = event_seq + 1 WHERE id = ?
                RETURNING event_seq, pg_notify(?, CAST(id AS TEXT) || ':' || CAST(event_seq AS TEXT))""", s -> {
            s.setLong(1, siteId);
            s.setString(2, channel);
            return seq(s.executeQuery(), siteId);
        });
    }

    private static long seq(ResultSet rs, long siteId) throws java.sql.SQLException {
        try (rs) {
            if (!rs.next()) {
                throw new IllegalStateException("No site " + siteId + " to number an event of");
            }
            return rs.getLong(1);
        }
    }
}
