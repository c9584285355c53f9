package org.queuedesk.server.privacy;

import java.time.Instant;
import java.util.List;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindList;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/**
 * All SQL of the personal data purge, in one place: every table that holds a patient's name or phone
 * number, or a copy of them, is named here. Numbers, states, counters and times are never touched.
 */
@RegisterConstructorMapper(PrivacyDao.StoredReplyText.class)
public interface PrivacyDao {

    /** The next tickets past the retention that still hold a name or phone (partial index, oldest first). */
    @SqlQuery("""
            SELECT id FROM tickets
             WHERE (patient_name IS NOT NULL OR phone IS NOT NULL) AND issued_at < :cutoff
             ORDER BY issued_at, id LIMIT :limit""")
    List<Long> expiredTickets(@Bind("cutoff") Instant cutoff, @Bind("limit") int limit);

    @SqlUpdate("UPDATE tickets SET patient_name = NULL, phone = NULL WHERE id IN (<ids>)")
    int blankTickets(@BindList("ids") List<Long> ids);

    /**
     * Number and text go; kind, state, attempts and times stay for reports. A message still queued that long
     * can no longer be sent, so it fails (with a reason that says why) instead of waiting for a number.
     */
    @SqlUpdate("""
            UPDATE sms_outbox
               SET phone = NULL, body = NULL,
                   state = CASE state WHEN 'queued' THEN 'failed' ELSE state END,
                   reason = CASE state WHEN 'queued' THEN :reason ELSE reason END,
                   updated_at = CASE state WHEN 'queued' THEN :now ELSE updated_at END
             WHERE ticket_id IN (<ids>) AND (phone IS NOT NULL OR body IS NOT NULL)""")
    int blankTextMessages(@BindList("ids") List<Long> ids, @Bind("reason") String reason, @Bind("now") Instant now);

    /** A status link leads to the ticket and could cancel it; once the ticket is purged nobody needs it. */
    @SqlUpdate("DELETE FROM ticket_tokens WHERE ticket_id IN (<ids>)")
    int deleteStatusLinks(@BindList("ids") List<Long> ids);

    /** Stored events copy the whole ticket; found through the computed {@code ticket_id} column (V5). */
    @SqlUpdate("""
            UPDATE events SET payload = json_set(payload, '$.ticket.patientName', NULL, '$.ticket.phone', NULL)
             WHERE ticket_id IN (<ids>) AND json_type(payload, '$.ticket') = 'object'
               AND (json_extract(payload, '$.ticket.patientName') IS NOT NULL
                    OR json_extract(payload, '$.ticket.phone') IS NOT NULL)""")
    int scrubTicketEvents(@BindList("ids") List<Long> ids);

    /** {@code sms.updated} events carry the message with its masked number; the mask goes too. */
    @SqlUpdate("""
            UPDATE events SET payload = json_set(payload, '$.sms.phoneMasked', NULL)
             WHERE ticket_id IN (<ids>) AND json_type(payload, '$.sms') = 'object'
               AND json_extract(payload, '$.sms.phoneMasked') IS NOT NULL""")
    int scrubMessageEvents(@BindList("ids") List<Long> ids);

    /**
     * Replies to idempotent requests older than the retention; they are kept only a day for retries
     * ({@code IdempotentWrites}), so by now nobody can replay them.
     */
    @SqlUpdate("""
            DELETE FROM idempotency_keys WHERE idem_key IN
                (SELECT idem_key FROM idempotency_keys WHERE created_at < :cutoff LIMIT :limit)""")
    int deleteStoredRepliesBefore(@Bind("cutoff") Instant cutoff, @Bind("limit") int limit);

    /** Younger replies that still show a name or phone, in key order from {@code after}. */
    @SqlQuery("""
            SELECT idem_key, response FROM idempotency_keys
             WHERE idem_key > :after
               AND (response LIKE '%"patientName":"%' OR response LIKE '%"phone":"%')
             ORDER BY idem_key LIMIT :limit""")
    List<StoredReplyText> storedRepliesWithPersonalData(@Bind("after") String after, @Bind("limit") int limit);

    /** Replaces a reply unless it changed since it was read (it never does; the guard costs nothing). */
    @SqlUpdate("UPDATE idempotency_keys SET response = :scrubbed WHERE idem_key = :key AND response = :original")
    int replaceStoredReply(@Bind("key") String key, @Bind("original") String original,
                           @Bind("scrubbed") String scrubbed);

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

    /** One stored reply as text. */
    record StoredReplyText(String idemKey, String response) {
    }
}
