package org.queuedesk.server.ticket;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;
import org.queuedesk.server.report.ReportTickets.Move;

/**
 * Written out, by column position, reading only what {@link Move} promises: a year's report maps millions of
 * history rows, and each text column read is a new Java string (the most of the time went there). A ticket's
 * date and source are read on its first row only; the actor on calls, the states on transfers.
 * One instance per query (the rows before tell it which ticket it is on).
 */
public final class ReportMoveMapper implements RowMapper<Move> {

    private long ticket = -1;
    private LocalDate date;
    private String dateText = "";
    private String source;

    @Override
    public Move map(ResultSet rs, StatementContext ctx) throws SQLException {
        long id = rs.getLong(1);
        if (id != ticket) {
            ticket = id;
            String text = rs.getString(2);
            if (!text.equals(dateText)) {
                dateText = text;
                date = LocalDate.parse(text);
            }
            source = rs.getString(3).intern();
        }
        String action = rs.getString(4);
        boolean transfer = action.equals("transfer");
        return new Move(id, date, source, action, transfer ? rs.getString(5) : null, transfer ? rs.getString(6) : null,
                rs.getLong(7), action.equals("call") ? rs.getString(8) : null, rs.getLong(9));
    }
}
