package org.queuedesk.server.idempotency;

import java.time.Instant;
import java.util.List;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.config.RegisterRowMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** The SQL for remembered answers to idempotent requests, but for the two every request runs ({@link IdempotencyWriteDao}). */
@RegisterRowMapper(StoredReply.Mapper.class)
@RegisterConstructorMapper(IdempotencyDao.ReplyText.class)
public interface IdempotencyDao {

    /**
     * Replies older than the retention, a batch at a time; they are kept only a day for retries
     * ({@code IdempotentWrites}), so by then nobody can replay them.
     */
    @SqlUpdate("""
            DELETE FROM idempotency_keys WHERE idem_key IN
                (SELECT idem_key FROM idempotency_keys WHERE created_at < :cutoff LIMIT :limit)""")
    int deleteBatchOlderThan(@Bind("cutoff") Instant cutoff, @Bind("limit") int limit);

    /** Younger replies that still show a name or phone, in key order from {@code after}. */
    @SqlQuery("""
            SELECT idem_key, response FROM idempotency_keys
             WHERE idem_key > :after
               AND (response LIKE '%"patientName":"%' OR response LIKE '%"phone":"%')
             ORDER BY idem_key LIMIT :limit""")
    List<ReplyText> repliesWithPersonalData(@Bind("after") String after, @Bind("limit") int limit);

    /** Replaces a reply unless it changed since it was read (it never does; the guard costs nothing). */
    @SqlUpdate("UPDATE idempotency_keys SET response = :scrubbed WHERE idem_key = :key AND response = :original")
    int replaceReply(@Bind("key") String key, @Bind("original") String original, @Bind("scrubbed") String scrubbed);

    /** One stored reply as text. */
    record ReplyText(String idemKey, String response) {
    }
}
