package org.queuedesk.server.idempotency;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.queuedesk.common.json.JsonMapperFactory;
import org.queuedesk.server.ground.Database;
import org.queuedesk.server.ground.SqliteSettings;
import org.queuedesk.server.testing.MutableClock;
import org.queuedesk.server.testing.TestServer;

/**
 * The purge of old idempotency keys (issue 15): a backlog (a start after a long stop) goes in write
 * transactions of 1,000 keys, and other writes commit between them instead of waiting for one DELETE of all.
 */
class IdempotencyPurgeIT {

    private static final Instant NOW = Instant.parse("2026-11-23T09:00:00Z");
    private final Database db = Database.open(TestServer.freshDir().resolve("keys.db"), SqliteSettings.defaults());
    private final IdempotentWrites writes = new IdempotentWrites(db, JsonMapperFactory.create(), new MutableClock(NOW));

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void aBigBacklogIsPurgedInBatchesWithOtherWritesCommittingBetweenThem() {
        store("old-", 3_500, NOW.minus(Duration.ofDays(3)));
        store("fresh-", 10, NOW.minus(Duration.ofHours(1)));
        var oldLeftWhenNextCommitted = new ArrayList<Integer>();

        int purged = writes.purgeExpired(IdempotentWrites.PURGE_BATCH, () -> {
            // a desk's Next, between two batches: it commits while the backlog is still being purged
            db.write(tx -> {
                IdempotencyWriteDao.insert(tx, "next-" + oldLeftWhenNextCommitted.size(), "f", 200, "{}", NOW);
                return null;
            });
            oldLeftWhenNextCommitted.add(count("old-%"));
        });

        assertThat(purged).isEqualTo(3_500);
        assertThat(oldLeftWhenNextCommitted).as("old keys left each time a write committed between batches")
                .containsExactly(2_500, 1_500, 500);
        assertThat(count("old-%")).isZero();
        assertThat(count("fresh-%")).isEqualTo(10);
        assertThat(count("next-%")).isEqualTo(3);
    }

    @Test
    void thePurgeTheScheduleRunsUsesBatchesOfAThousand() {
        store("old-", 2_001, NOW.minus(Duration.ofDays(2)));

        assertThat(writes.purgeExpired()).isEqualTo(2_001);
        assertThat(IdempotentWrites.PURGE_BATCH).isEqualTo(1_000);
        assertThat(count("old-%")).isZero();
    }

    private void store(String prefix, int n, Instant at) {
        db.write(tx -> {
            var batch = tx.handle().prepareBatch("""
                    INSERT INTO idempotency_keys(idem_key, fingerprint, status, response, created_at)
                    VALUES (?, 'f', 200, '{}', ?)""");
            for (int i = 0; i < n; i++) {
                batch.add(prefix + i, at.toEpochMilli());
            }
            return List.of(batch.execute());
        });
    }

    private int count(String like) {
        return db.read(h -> h.createQuery("SELECT count(*) FROM idempotency_keys WHERE idem_key LIKE :p")
                .bind("p", like).mapTo(Integer.class).one());
    }
}
