package org.queuedesk.server.ticket;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;
import org.queuedesk.server.report.ReportTickets.Move;

/**
 * Written out, by column position: a year's report maps millions of history rows. Rows come by date, so the
 * date of the row before is nearly always this one's and is not parsed again.
 */
public final class ReportMoveMapper implements RowMapper<Move> {

    private record Day(String text, LocalDate date) {
    }

    // an immutable pair: a mapper shared between threads still reads a consistent one
    private volatile Day last = new Day("", null);

    @Override
    public Move map(ResultSet rs, StatementContext ctx) throws SQLException {
        String dateText = rs.getString(2);
        Day day = last;
        if (!day.text().equals(dateText)) {
            day = new Day(dateText, LocalDate.parse(dateText));
            last = day;
        }
        return new Move(rs.getLong(1), day.date(), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getString(6), rs.getLong(7), rs.getString(8), rs.getLong(9));
    }
}
