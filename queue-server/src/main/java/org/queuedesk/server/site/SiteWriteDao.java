package org.queuedesk.server.site;

import java.sql.ResultSet;
import org.queuedesk.server.ground.Port;
import org.queuedesk.server.ground.WriteTransaction;

/**
 * The site statements of the hot path, as plain prepared statements ({@link WriteTransaction#sql}): on PostgreSQL
 * every event of every write takes its number here, every Next locks the site's row, and every issue and Next reads
 * its service and site (remembered within one transaction only); Jdbi's per-statement work was a visible part of a
 * request's CPU there (README, "Stores and instances"). Same SQL and mapping as {@link SiteDao}.
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

    /**
     * {@link SiteDao#lastWrittenEventSeq} on SQLite, where the one writer counts a site's event numbers itself
     * ({@code EventLog}): read once per site and commit, and {@link #settleEventSeq} stores it before each commit.
     */
    public static long lastWrittenEventSeq(WriteTransaction tx, long siteId) {
        return tx.sql("""
                SELECT max(event_seq, coalesce((SELECT max(seq) FROM events WHERE site_id = ?), 0))
                  FROM sites WHERE id = ?""", s -> {
            s.setLong(1, siteId);
            s.setLong(2, siteId);
            return seq(s.executeQuery(), siteId);
        });
    }

    /** {@link SiteDao#settleEventSeq} on SQLite: the site's last event number from its log, once per commit. */
    public static void settleEventSeq(WriteTransaction tx, long siteId) {
        tx.sql("""
                UPDATE sites SET event_seq = max(event_seq, coalesce((SELECT max(seq) FROM events WHERE site_id = ?), 0))
                 WHERE id = ?""", s -> {
            s.setLong(1, siteId);
            s.setLong(2, siteId);
            return s.executeUpdate();
        });
    }

    /** Locks the site's row until this transaction ends, on PostgreSQL ({@link SiteCatalog#lockForChange}). */
    static void lockRow(WriteTransaction tx, long siteId) {
        tx.sql("SELECT id FROM sites WHERE id = ? FOR UPDATE", s -> {
            s.setLong(1, siteId);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next();
            }
        });
    }

    /** {@link SiteLookupDao#site} for the writer (on PostgreSQL every write that needs the site reads it). */
    static java.util.Optional<org.queuedesk.common.site.SiteDto> site(WriteTransaction tx, long id) {
        return tx.sql("SELECT id, name, time_zone FROM sites WHERE id = ?", s -> {
            s.setLong(1, id);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? java.util.Optional.of(new SiteRowMappers.Sites().map(rs, null)) : java.util.Optional.empty();
            }
        });
    }

    /** {@link SiteDao#service} for the writer (on PostgreSQL every issue and Next reads its service). */
    static java.util.Optional<org.queuedesk.common.site.ServiceDto> service(WriteTransaction tx, long id) {
        return tx.sql("SELECT id, site_id, name, prefix, almost_turn_position, active FROM services WHERE id = ?", s -> {
            s.setLong(1, id);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? java.util.Optional.of(new SiteRowMappers.Services().map(rs, null)) : java.util.Optional.empty();
            }
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
