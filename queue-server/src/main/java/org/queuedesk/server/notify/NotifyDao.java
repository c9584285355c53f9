package org.queuedesk.server.notify;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindList;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;
import org.queuedesk.server.ground.Dialect;

/**
 * All SQL for text messages: the outbox, opt-outs, per-service texts and each ticket's language. The site's
 * SMS settings are kept on the site ({@code SiteDao}); the abuse limits count tickets ({@code TicketDao}).
 */
@RegisterConstructorMapper(OutboxRow.class)
public interface NotifyDao {

    String COLUMNS = """
            id, ticket_id, appointment_id, site_id, service_id, kind, queue_position, phone, language, body, state, attempts,
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

    /** A verification code or a booking's manage link ({@code kind}): a message of no ticket and no service. */
    @SqlQuery("""
            INSERT INTO sms_outbox(site_id, kind, phone, language, body, state, next_attempt_at, created_at, updated_at,
                                   reason)
            VALUES (:siteId, :kind, :phone, :language, :body, :state, :at, :at, :at, :reason)
            RETURNING\s""" + COLUMNS)
    OutboxRow insertCode(@Bind("siteId") long siteId, @Bind("kind") String kind, @Bind("phone") String phone,
                         @Bind("language") String language, @Bind("body") String body, @Bind("state") String state,
                         @Bind("at") Instant at, @Bind("reason") String reason);

    @SqlQuery("""
            INSERT INTO sms_outbox(appointment_id, site_id, service_id, kind, phone, language, body, state,
                                   next_attempt_at, created_at, updated_at, reason)
            VALUES (:appointmentId, :siteId, :serviceId, :kind, :phone, :language, :body, :state, :at, :at, :at, :reason)
            RETURNING\s""" + COLUMNS)
    OutboxRow insertForAppointment(@Bind("appointmentId") long appointmentId, @Bind("siteId") long siteId,
                                   @Bind("serviceId") long serviceId, @Bind("kind") String kind,
                                   @Bind("phone") String phone, @Bind("language") String language,
                                   @Bind("body") String body, @Bind("state") String state, @Bind("at") Instant at,
                                   @Bind("reason") String reason);

    /** Booking confirmations written to a number since {@code since} (the per-phone limit for bookings). */
    @SqlQuery("""
            SELECT count(*) FROM sms_outbox
             WHERE phone = :phone AND kind = 'appointment_confirmation' AND created_at >= :since""")
    int appointmentConfirmationsTo(@Bind("phone") String phone, @Bind("since") Instant since);

    @SqlQuery("SELECT " + COLUMNS + " FROM sms_outbox WHERE appointment_id = :appointmentId ORDER BY id")
    List<OutboxRow> forAppointment(@Bind("appointmentId") long appointmentId);

    /** Forgets the numbers and texts of the messages about these appointments (the purge), as for tickets'. */
    @SqlUpdate("""
            UPDATE sms_outbox
               SET phone = NULL, body = NULL,
                   state = CASE state WHEN 'queued' THEN 'failed' ELSE state END,
                   reason = CASE state WHEN 'queued' THEN :reason ELSE reason END,
                   updated_at = CASE state WHEN 'queued' THEN :now ELSE updated_at END
             WHERE appointment_id IN (<ids>) AND (phone IS NOT NULL OR body IS NOT NULL)""")
    int forgetMessagesAboutAppointments(@BindList("ids") List<Long> appointmentIds, @Bind("reason") String reason,
                                        @Bind("now") Instant now);

    @SqlQuery("SELECT " + COLUMNS + " FROM sms_outbox WHERE id = :id")
    Optional<OutboxRow> find(@Bind("id") long id);

    @SqlQuery("SELECT " + COLUMNS + " FROM sms_outbox WHERE ticket_id = :ticketId ORDER BY id")
    List<OutboxRow> forTicket(@Bind("ticketId") long ticketId);

    /**
     * Takes up to {@code limit} messages due now for one dispatcher ({@code instance}) until {@code until}: only
     * the oldest queued message of each number (so one number's messages go out in the order they were
     * written, whichever instance sends them, and never "cancelled" before "your ticket is A-001" because the
     * confirmation met an outage), and none another dispatcher holds a live lease on. A lease that ran out
     * (its instance died mid-send) is taken over. The two variants differ only in PostgreSQL's row lock,
     * which makes concurrent claims from several instances pass over each other's rows; on SQLite the single
     * writer serialises claims. Rows come back in no particular order.
     */
    String CLAIM = """
            UPDATE sms_outbox SET leased_by = :instance, lease_until = :until
             WHERE id IN (SELECT o.id FROM sms_outbox o
                           WHERE o.state = 'queued' AND o.next_attempt_at <= :now
                             AND (o.lease_until IS NULL OR o.lease_until <= :now)
                             AND NOT EXISTS (SELECT 1 FROM sms_outbox e WHERE e.phone = o.phone AND e.state = 'queued'
                                                AND e.id < o.id)
                           ORDER BY o.next_attempt_at, o.id LIMIT :limit""";

    @SqlQuery(CLAIM + ")\nRETURNING " + COLUMNS)
    List<OutboxRow> claimOnSqlite(@Bind("instance") String instance, @Bind("now") Instant now,
                                  @Bind("until") Instant until, @Bind("limit") int limit);

    @SqlQuery(CLAIM + " FOR UPDATE SKIP LOCKED)\nRETURNING " + COLUMNS)
    List<OutboxRow> claimOnPostgresql(@Bind("instance") String instance, @Bind("now") Instant now,
                                      @Bind("until") Instant until, @Bind("limit") int limit);

    /** {@link #CLAIM} in the database's own variant; run it in a short write transaction of its own. */
    default List<OutboxRow> claim(Dialect dialect, String instance, Instant now, Instant until, int limit) {
        return switch (dialect) {
            case SQLITE -> claimOnSqlite(instance, now, until, limit);
            case POSTGRESQL -> claimOnPostgresql(instance, now, until, limit);
        };
    }

    /** When a message's lease by {@code instance} ends; empty once it is no longer queued or no longer its. */
    @SqlQuery("SELECT lease_until FROM sms_outbox WHERE id = :id AND leased_by = :instance AND state = 'queued'")
    Optional<Instant> leaseUntil(@Bind("id") long id, @Bind("instance") String instance);

    /** Extends a live lease; 0 when it ran out or is no longer this instance's. */
    @SqlUpdate("""
            UPDATE sms_outbox SET lease_until = :until
             WHERE id = :id AND leased_by = :instance AND state = 'queued' AND lease_until > :now""")
    int renewLease(@Bind("id") long id, @Bind("instance") String instance, @Bind("now") Instant now,
                   @Bind("until") Instant until);

    /** Gives a claimed message back unsent, for any dispatcher to take now. */
    @SqlUpdate("""
            UPDATE sms_outbox SET leased_by = NULL, lease_until = NULL
             WHERE id = :id AND leased_by = :instance AND state = 'queued'""")
    int release(@Bind("id") long id, @Bind("instance") String instance);

    /** Drops every lease: only where this server is the one instance (SQLite), as it starts. */
    @SqlUpdate("UPDATE sms_outbox SET leased_by = NULL, lease_until = NULL WHERE state = 'queued' AND leased_by IS NOT NULL")
    int releaseAll();

    /** Messages not yet sent, failed or given up (the metrics' outbox depth). */
    @SqlQuery("SELECT count(*) FROM sms_outbox WHERE state = 'queued'")
    long queuedCount();

    /**
     * When a claim can next find something: the earliest time a number's oldest queued message is due and
     * free of another's lease (a newer message waits for the older one to go out).
     */
    @SqlQuery("""
            SELECT min(CASE WHEN o.lease_until > o.next_attempt_at THEN o.lease_until ELSE o.next_attempt_at END)
              FROM sms_outbox o
             WHERE o.state = 'queued'
               AND NOT EXISTS (SELECT 1 FROM sms_outbox e WHERE e.phone = o.phone AND e.state = 'queued' AND e.id < o.id)""")
    Optional<Long> nextDueMillis();

    @SqlQuery("SELECT " + COLUMNS + " FROM sms_outbox WHERE state = 'queued' AND phone = :phone ORDER BY id")
    List<OutboxRow> queuedFor(@Bind("phone") String phone);

    /**
     * Moves a still-queued message to its outcome and ends its lease (a retry is claimed again when due); 0
     * when something else (an opt-out) got there first. A
     * verification code's or a manage link's text and number are dropped once it is out (or given up): nobody
     * needs them again, and the link's token would let anyone who read it cancel the booking.
     */
    @SqlUpdate("""
            UPDATE sms_outbox SET state = :state, attempts = :attempts, next_attempt_at = :next, updated_at = :now,
                   reason = :reason, provider_message_id = :messageId, leased_by = NULL, lease_until = NULL,
                   body = CASE WHEN kind IN ('verification_code', 'manage_link') AND :state <> 'queued' THEN NULL ELSE body END,
                   phone = CASE WHEN kind IN ('verification_code', 'manage_link') AND :state <> 'queued' THEN NULL ELSE phone END
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

    /**
     * Forgets the numbers and texts of the messages to these tickets (the personal data purge); kind, state,
     * attempts and times stay for reports. A message still queued that long can no longer be sent, so it
     * fails (with a reason that says why) instead of waiting for a number.
     */
    @SqlUpdate("""
            UPDATE sms_outbox
               SET phone = NULL, body = NULL,
                   state = CASE state WHEN 'queued' THEN 'failed' ELSE state END,
                   reason = CASE state WHEN 'queued' THEN :reason ELSE reason END,
                   updated_at = CASE state WHEN 'queued' THEN :now ELSE updated_at END
             WHERE ticket_id IN (<ids>) AND (phone IS NOT NULL OR body IS NOT NULL)""")
    int forgetMessagesTo(@BindList("ids") List<Long> ticketIds, @Bind("reason") String reason, @Bind("now") Instant now);

    /** Opt-outs written before version 5 still hold the number. */
    @SqlQuery("SELECT phone FROM sms_opt_outs WHERE phone IS NOT NULL LIMIT :limit")
    List<String> unhashedOptOuts(@Bind("limit") int limit);

    @SqlUpdate("""
            INSERT INTO sms_opt_outs(phone_hash, source, at)
            SELECT :phoneHash, source, at FROM sms_opt_outs WHERE phone = :phone
            ON CONFLICT(phone_hash) DO NOTHING""")
    int insertHashedOptOut(@Bind("phone") String phone, @Bind("phoneHash") String phoneHash);

    @SqlUpdate("DELETE FROM sms_opt_outs WHERE phone = :phone")
    int deleteUnhashedOptOut(@Bind("phone") String phone);

    /** A site's messages that ended (sent, logged or failed) since a time, and how many of those failed. */
    @SqlQuery("""
            SELECT count(*) AS ended, coalesce(sum(CASE WHEN state = 'failed' THEN 1 ELSE 0 END), 0) AS failed FROM sms_outbox
             WHERE site_id = :siteId AND updated_at >= :since AND state IN ('sent', 'logged', 'failed')""")
    @org.jdbi.v3.sqlobject.config.RegisterConstructorMapper(EndedMessages.class)
    EndedMessages endedSince(@Bind("siteId") long siteId, @Bind("since") java.time.Instant since);

    record EndedMessages(int ended, int failed) {
    }
}
