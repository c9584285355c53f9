package org.queuedesk.server.status;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindList;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** All SQL for the links to tickets' status pages. */
@RegisterConstructorMapper(TicketTokens.Token.class)
public interface TicketTokenDao {

    @SqlUpdate("INSERT INTO ticket_tokens(token, ticket_id, expires_at) VALUES (:token, :ticketId, :expires)")
    void insert(@Bind("token") String token, @Bind("ticketId") long ticketId, @Bind("expires") Instant expires);

    @SqlQuery("SELECT token, ticket_id, expires_at FROM ticket_tokens WHERE ticket_id = :id")
    Optional<TicketTokens.Token> forTicket(@Bind("id") long ticketId);

    @SqlQuery("SELECT token, ticket_id, expires_at FROM ticket_tokens WHERE token = :token")
    Optional<TicketTokens.Token> find(@Bind("token") String token);

    /** A status link leads to the ticket and could cancel it; once the ticket is purged nobody needs it. */
    @SqlUpdate("DELETE FROM ticket_tokens WHERE ticket_id IN (<ids>)")
    int deleteForTickets(@BindList("ids") List<Long> ticketIds);
}
