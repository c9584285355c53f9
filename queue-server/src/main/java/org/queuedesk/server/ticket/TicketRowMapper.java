package org.queuedesk.server.ticket;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;
import org.queuedesk.common.ticket.Priority;
import org.queuedesk.common.ticket.TicketDto;
import org.queuedesk.common.ticket.TicketSource;
import org.queuedesk.common.ticket.TicketState;

/** Maps a {@code tickets} row to the wire record; written out because ranks, wire names and epoch millis differ from the record's types. */
public final class TicketRowMapper implements RowMapper<TicketDto> {

    @Override
    public TicketDto map(ResultSet rs, StatementContext ctx) throws SQLException {
        return new TicketDto(
                rs.getLong("id"),
                rs.getLong("site_id"),
                rs.getLong("service_id"),
                rs.getString("number"),
                LocalDate.parse(rs.getString("service_date")),
                TicketState.fromWire(rs.getString("state")),
                Priority.fromRank(rs.getInt("priority_rank")),
                TicketSource.fromWire(rs.getString("source")),
                rs.getString("patient_name"),
                rs.getString("phone"),
                rs.getString("assigned_doctor"),
                nullableLong(rs, "room_id"),
                nullableLong(rs, "session_id"),
                nullableLong(rs, "return_service_id"),
                instant(rs, "issued_at"),
                instant(rs, "queued_at"),
                instant(rs, "called_at"),
                instant(rs, "finished_at"),
                rs.getInt("recall_count"));
    }

    private static Long nullableLong(ResultSet rs, String column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : value;
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : Instant.ofEpochMilli(value);
    }
}
