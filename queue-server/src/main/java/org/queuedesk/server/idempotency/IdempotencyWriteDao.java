package org.queuedesk.server.idempotency;

import java.sql.ResultSet;
import java.time.Instant;
import java.util.Optional;
import org.queuedesk.server.ground.WriteTransaction;

/**
 * The two statements every idempotent POST runs in its write (the key's look-up and its stored answer), as plain
 * prepared statements ({@link WriteTransaction#sql}): through Jdbi they were the largest share of a request's Jdbi
 * work on PostgreSQL (README, "Stores and instances"). The instant is stored as epoch millis, as {@code JdbiTypes}
 * stores it for {@link IdempotencyDao}'s purge to compare.
 */
final class IdempotencyWriteDao {

    private IdempotencyWriteDao() {
    }

    static Optional<StoredReply> find(WriteTransaction tx, String key) {
        return tx.sql("SELECT fingerprint, status, response FROM idempotency_keys WHERE idem_key = ?", s -> {
            s.setString(1, key);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next()
                        ? Optional.of(new StoredReply(rs.getString(1), rs.getInt(2), rs.getString(3)))
                        : Optional.empty();
            }
        });
    }

    /** 0 when the key is stored already (a concurrent request with the same key), else 1. */
    static int insert(WriteTransaction tx, String key, String fingerprint, int status, String response, Instant at) {
        return tx.sql("""
                INSERT INTO idempotency_keys(idem_key, fingerprint, status, response, created_at)
                VALUES (?, ?, ?, ?, ?)
                ON CONFLICT (idem_key) DO NOTHING""", s -> {
            s.setString(1, key);
            s.setString(2, fingerprint);
            s.setInt(3, status);
            s.setString(4, response);
            s.setLong(5, at.toEpochMilli());
            return s.executeUpdate();
        });
    }
}
