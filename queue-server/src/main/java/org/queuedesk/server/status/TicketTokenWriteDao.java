package org.queuedesk.server.status;

import java.time.Instant;
import org.queuedesk.server.ground.WriteTransaction;

/**
 * The status link's insert for every issued ticket, as a plain prepared statement ({@link WriteTransaction#sql}):
 * through Jdbi's proxy it took about an eighth of the single writer's time under a desk load, four fifths of it
 * Jdbi's own per-statement work. Same SQL as {@link TicketTokenDao#insert}, which other paths keep using.
 */
final class TicketTokenWriteDao {

    private TicketTokenWriteDao() {
    }

    static void insert(WriteTransaction tx, String token, long ticketId, Instant expires) {
        tx.sql("INSERT INTO ticket_tokens(token, ticket_id, expires_at) VALUES (?, ?, ?)", s -> {
            s.setString(1, token);
            s.setLong(2, ticketId);
            s.setLong(3, expires.toEpochMilli()); // as JdbiTypes binds an Instant
            return s.executeUpdate();
        });
    }
}
