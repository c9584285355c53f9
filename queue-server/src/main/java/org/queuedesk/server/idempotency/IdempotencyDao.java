package org.queuedesk.server.idempotency;

import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterRowMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** All SQL for remembered answers to idempotent requests. */
@RegisterRowMapper(StoredReply.Mapper.class)
public interface IdempotencyDao {

    @SqlQuery("SELECT fingerprint, status, response FROM idempotency_keys WHERE idem_key = :key")
    Optional<StoredReply> find(@Bind("key") String key);

    @SqlUpdate("""
            INSERT INTO idempotency_keys(idem_key, fingerprint, status, response, created_at)
            VALUES (:key, :fingerprint, :status, :response, :at)""")
    void insert(@Bind("key") String key, @Bind("fingerprint") String fingerprint, @Bind("status") int status,
                @Bind("response") String response, @Bind("at") Instant at);

    @SqlUpdate("DELETE FROM idempotency_keys WHERE created_at < :before")
    int deleteOlderThan(@Bind("before") Instant before);
}
