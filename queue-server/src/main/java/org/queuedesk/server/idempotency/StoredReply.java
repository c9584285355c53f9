package org.queuedesk.server.idempotency;

import java.sql.ResultSet;
import java.sql.SQLException;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;

/** The answer given to a request, kept so the same request with the same key gets it again. */
public record StoredReply(String fingerprint, int status, String response) {

    /** Written out: every idempotent POST looks its key up on the writer thread (see {@code SiteRowMappers}). */
    public static final class Mapper implements RowMapper<StoredReply> {
        @Override
        public StoredReply map(ResultSet rs, StatementContext ctx) throws SQLException {
            return new StoredReply(rs.getString("fingerprint"), rs.getInt("status"), rs.getString("response"));
        }
    }
}
