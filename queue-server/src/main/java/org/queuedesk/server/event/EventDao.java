package org.queuedesk.server.event;

import java.time.Instant;
import java.util.List;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindList;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/**
 * All SQL for the event log that feeds the live stream (its last sequence number is kept on the site: {@code SiteDao});
 * appending, which every issue and Next does on the writer, is a plain statement in {@link EventWriteDao}.
 */
public interface EventDao extends org.jdbi.v3.sqlobject.SqlObject {


    @SqlQuery("SELECT payload FROM events WHERE site_id = :siteId AND seq > :since ORDER BY seq LIMIT :limit")
    List<String> payloadsAfter(@Bind("siteId") long siteId, @Bind("since") long since, @Bind("limit") int limit);

    /** The oldest sequence number the log still keeps for a site; null when it keeps none. */
    @SqlQuery("SELECT min(seq) FROM events WHERE site_id = :siteId")
    Long oldestSeq(@Bind("siteId") long siteId);

    /**
     * Deletes up to {@code limit} of a site's oldest events logged before {@code cutoff}. The oldest by
     * sequence are the oldest by time (numbers are given in commit order), so this walks the primary key from
     * its start and needs no index on the time; the first event younger than the cutoff ends a batch short.
     */
    @SqlUpdate("""
            DELETE FROM events
             WHERE site_id = :siteId AND at < :cutoff
               AND seq IN (SELECT seq FROM events WHERE site_id = :siteId ORDER BY seq LIMIT :limit)""")
    int deleteOldest(@Bind("siteId") long siteId, @Bind("cutoff") Instant cutoff, @Bind("limit") int limit);

    /** Stored events copy the whole ticket; found through the computed {@code ticket_id} column (V5). */
    default int scrubTicketEvents(List<Long> ticketIds) {
        return org.queuedesk.server.ground.Dialect.of(getHandle()) == org.queuedesk.server.ground.Dialect.POSTGRESQL
                ? scrubTicketEventsOnPostgres(ticketIds) : scrubTicketEventsOnSqlite(ticketIds);
    }

    /** {@code sms.updated} events carry the message with its masked number; the mask goes too. */
    default int scrubMessageEvents(List<Long> ticketIds) {
        return org.queuedesk.server.ground.Dialect.of(getHandle()) == org.queuedesk.server.ground.Dialect.POSTGRESQL
                ? scrubMessageEventsOnPostgres(ticketIds) : scrubMessageEventsOnSqlite(ticketIds);
    }

    /** As on SQLite: the keys stay, with JSON null. */
    @SqlUpdate("""
            UPDATE events
               SET payload = CAST(jsonb_set(jsonb_set(CAST(payload AS jsonb), '{ticket,patientName}', 'null'),
                                       '{ticket,phone}', 'null') AS text)
             WHERE ticket_id IN (<ids>) AND jsonb_typeof(CAST(payload AS jsonb) -> 'ticket') = 'object'
               AND (CAST(payload AS jsonb) #>> '{ticket,patientName}' IS NOT NULL
                    OR CAST(payload AS jsonb) #>> '{ticket,phone}' IS NOT NULL)""")
    int scrubTicketEventsOnPostgres(@BindList("ids") List<Long> ticketIds);

    @SqlUpdate("""
            UPDATE events SET payload = CAST(jsonb_set(CAST(payload AS jsonb), '{sms,phoneMasked}', 'null') AS text)
             WHERE ticket_id IN (<ids>) AND jsonb_typeof(CAST(payload AS jsonb) -> 'sms') = 'object'
               AND CAST(payload AS jsonb) #>> '{sms,phoneMasked}' IS NOT NULL""")
    int scrubMessageEventsOnPostgres(@BindList("ids") List<Long> ticketIds);

    @SqlUpdate("""
            UPDATE events SET payload = json_set(payload, '$.ticket.patientName', NULL, '$.ticket.phone', NULL)
             WHERE ticket_id IN (<ids>) AND json_type(payload, '$.ticket') = 'object'
               AND (json_extract(payload, '$.ticket.patientName') IS NOT NULL
                    OR json_extract(payload, '$.ticket.phone') IS NOT NULL)""")
    int scrubTicketEventsOnSqlite(@BindList("ids") List<Long> ticketIds);

    @SqlUpdate("""
            UPDATE events SET payload = json_set(payload, '$.sms.phoneMasked', NULL)
             WHERE ticket_id IN (<ids>) AND json_type(payload, '$.sms') = 'object'
               AND json_extract(payload, '$.sms.phoneMasked') IS NOT NULL""")
    int scrubMessageEventsOnSqlite(@BindList("ids") List<Long> ticketIds);
}
