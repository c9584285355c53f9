package org.queuedesk.server.queue;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;

/** A {@code doctor_sessions} row with its room's name. */
public record SessionRow(long id, long siteId, long roomId, String roomName, String doctor, boolean paused,
                         Instant openedAt, Instant closedAt, String siteTimeZone) {

    /** Written out: every Next reads its session on the writer thread (see {@code SiteRowMappers}). */
    public static final class Mapper implements RowMapper<SessionRow> {
        @Override
        public SessionRow map(ResultSet rs, StatementContext ctx) throws SQLException {
            long closedAt = rs.getLong("closed_at");
            Instant closed = rs.wasNull() ? null : Instant.ofEpochMilli(closedAt);
            return new SessionRow(rs.getLong("id"), rs.getLong("site_id"), rs.getLong("room_id"), rs.getString("room_name"),
                    rs.getString("doctor"), rs.getBoolean("paused"), Instant.ofEpochMilli(rs.getLong("opened_at")), closed,
                    rs.getString("site_time_zone"));
        }
    }

    boolean isOpen() {
        return closedAt == null;
    }
}
