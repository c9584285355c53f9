package org.queuedesk.server.notify;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.config.RegisterRowMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** All SQL for text messages: the outbox, opt-outs, per-service texts, site settings and abuse limits. */
@RegisterConstructorMapper(OutboxRow.class)
public interface NotifyDao {

    String COLUMNS = """
            id, ticket_id, site_id, service_id, kind, queue_position, phone, language, body, state, attempts,
            next_attempt_at, created_at, updated_at, reason, provider_message_id""";

    @SqlQuery("""
            INSERT INTO sms_outbox(ticket_id, site_id, service_id, kind, queue_position, phone, language, body, state,
                                   next_attempt_at, created_at, updated_at, reason)
            VALUES (:ticketId, :siteId, :serviceId, :kind, :position, :phone, :language, :body, :state, :at, :at, :at,
                    :reason)
            RETURNING\s""" + COLUMNS)
    OutboxRow insert(@Bind("ticketId") long ticketId, @Bind("siteId") long siteId, @Bind("serviceId") long serviceId,
                     @Bind("kind") String kind, @Bind("position") Integer position, @Bind("phone") String phone,
                     @Bind("language") String language, @Bind("body") String body, @Bind("state") String state,
                     @Bind("at") Instant at, @Bind("reason") String reason);

    @SqlQuery("SELECT " + COLUMNS + " FROM sms_outbox WHERE id = :id")
    Optional<OutboxRow> find(@Bind("id") long id);

    @SqlQuery("SELECT " + COLUMNS + " FROM sms_outbox WHERE ticket_id = :ticketId ORDER BY id")
    List<OutboxRow> forTicket(@Bind("ticketId") long ticketId);

    /** Queued messages whose time has come, oldest first. */
    /**
     * Queued messages due now, except those behind an older message to the same number that is waiting for
     * its retry: one number's messages go out in the order they were written (never "cancelled" before
     * "your ticket is A-001" because the confirmation met an outage).
     */
    @SqlQuery("SELECT " + COLUMNS + """
            \sFROM sms_outbox o WHERE state = 'queued' AND next_attempt_at <= :now
               AND NOT EXISTS (SELECT 1 FROM sms_outbox e WHERE e.phone = o.phone AND e.state = 'queued'
                                  AND e.id < o.id AND e.next_attempt_at > :now)
             ORDER BY next_attempt_at, id LIMIT :limit""")
    List<OutboxRow> due(@Bind("now") Instant now, @Bind("limit") int limit);

    @SqlQuery("SELECT min(next_attempt_at) FROM sms_outbox WHERE state = 'queued'")
    Optional<Long> nextDueMillis();

    @SqlQuery("SELECT " + COLUMNS + " FROM sms_outbox WHERE state = 'queued' AND phone = :phone ORDER BY id")
    List<OutboxRow> queuedFor(@Bind("phone") String phone);

    /** Moves a still-queued message to its outcome; 0 when something else (an opt-out) got there first. */
    @SqlUpdate("""
            UPDATE sms_outbox SET state = :state, attempts = :attempts, next_attempt_at = :next, updated_at = :now,
                   reason = :reason, provider_message_id = :messageId
             WHERE id = :id AND state = 'queued'""")
    int update(@Bind("id") long id, @Bind("state") String state, @Bind("attempts") int attempts,
               @Bind("next") Instant next, @Bind("now") Instant now, @Bind("reason") String reason,
               @Bind("messageId") String messageId);

    /** Whether a ticket already had (or was told in its confirmation) that its turn is near, at this service. */
    @SqlQuery("""
            SELECT count(*) > 0 FROM sms_outbox
             WHERE ticket_id = :ticketId AND service_id = :serviceId
               AND (kind = 'almost_turn' OR (kind IN ('confirmation','transfer') AND queue_position <= :n))""")
    boolean toldAlmostTurn(@Bind("ticketId") long ticketId, @Bind("serviceId") long serviceId, @Bind("n") int n);

    /** Opt-outs are found by the number's keyed hash ({@code PhoneHasher}); the number itself is not stored. */
    @SqlQuery("SELECT source FROM sms_opt_outs WHERE phone_hash = :phoneHash")
    Optional<String> optOutSource(@Bind("phoneHash") String phoneHash);

    @SqlUpdate("""
            INSERT INTO sms_opt_outs(phone_hash, source, at) VALUES (:phoneHash, :source, :at)
            ON CONFLICT(phone_hash) DO NOTHING""")
    int optOut(@Bind("phoneHash") String phoneHash, @Bind("source") String source, @Bind("at") Instant at);

    @SqlQuery("SELECT phone_region FROM sites WHERE id = :siteId")
    Optional<String> phoneRegion(@Bind("siteId") long siteId);

    @SqlQuery("SELECT sms_language FROM sites WHERE id = :siteId")
    Optional<String> siteLanguage(@Bind("siteId") long siteId);

    @SqlUpdate("UPDATE sites SET phone_region = :region, sms_language = :language WHERE id = :siteId")
    int setSiteSettings(@Bind("siteId") long siteId, @Bind("region") String region, @Bind("language") String language);

    @SqlUpdate("INSERT INTO ticket_languages(ticket_id, language) VALUES (:ticketId, :language)")
    void setTicketLanguage(@Bind("ticketId") long ticketId, @Bind("language") String language);

    @SqlQuery("SELECT language FROM ticket_languages WHERE ticket_id = :ticketId")
    Optional<String> ticketLanguage(@Bind("ticketId") long ticketId);

    @SqlQuery("SELECT text FROM sms_templates WHERE service_id = :serviceId AND language = :language AND kind = :kind")
    Optional<String> customText(@Bind("serviceId") long serviceId, @Bind("language") String language,
                                @Bind("kind") String kind);

    @SqlUpdate("""
            INSERT INTO sms_templates(service_id, language, kind, text) VALUES (:serviceId, :language, :kind, :text)
            ON CONFLICT(service_id, language, kind) DO UPDATE SET text = excluded.text""")
    void saveText(@Bind("serviceId") long serviceId, @Bind("language") String language, @Bind("kind") String kind,
                  @Bind("text") String text);

    @SqlUpdate("DELETE FROM sms_templates WHERE service_id = :serviceId AND language = :language AND kind = :kind")
    void deleteText(@Bind("serviceId") long serviceId, @Bind("language") String language, @Bind("kind") String kind);

    /** Tickets with text messages for a phone on a day (including one just issued in this transaction). */
    @SqlQuery("SELECT count(*) FROM tickets WHERE phone = :phone AND service_date = :date")
    int smsTicketsOn(@Bind("phone") String phone, @Bind("date") LocalDate date);

    /** Tickets with text messages a device issued since a moment. */
    @SqlQuery("""
            SELECT count(*) FROM ticket_events e JOIN tickets t ON t.id = e.ticket_id
             WHERE e.action = 'issue' AND e.actor = :actor AND e.at > :since AND t.phone IS NOT NULL""")
    int smsTicketsIssuedBy(@Bind("actor") String actor, @Bind("since") Instant since);

    /** The first {@code n} waiting tickets of a service on a day, in queue order: id and phone (may be null). */
    @SqlQuery("""
            SELECT id, phone FROM tickets
             WHERE service_id = :serviceId AND state = 'waiting' AND service_date = :date
             ORDER BY priority_rank, queued_at, id LIMIT :n""")
    @RegisterRowMapper(WaitingTicket.Mapper.class)
    List<WaitingTicket> head(@Bind("serviceId") long serviceId, @Bind("date") LocalDate date, @Bind("n") int n);

    /** A waiting ticket near the head of its queue. */
    record WaitingTicket(long id, String phone) {

        /** Written out: read after every move of a ticket, on the writer thread (see {@code SiteRowMappers}). */
        public static final class Mapper implements RowMapper<WaitingTicket> {
            @Override
            public WaitingTicket map(ResultSet rs, StatementContext ctx) throws SQLException {
                return new WaitingTicket(rs.getLong("id"), rs.getString("phone"));
            }
        }
    }
}
