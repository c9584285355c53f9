package org.queuedesk.server.ground;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The log is copied into the database file off the writer (README, "Benchmark"): commits that together write far
 * more than the writer's own checkpoint mark leave a log that stays small, because the checkpointer copied it
 * after each of them; and the database holds every row. Without the checkpointer the log would grow to the writer's
 * mark (4,000 pages, 16 MB) before anything was copied.
 */
@org.queuedesk.server.testing.SqliteOnly("SQLite's write-ahead log")
class WalCheckpointerIT {

    /** About 512 KB of log per commit (rows of 1 KB), 40 commits: 20 MB in all, above the writer's 16 MB mark. */
    private static final int ROWS_PER_COMMIT = 500;
    private static final int COMMITS = 40;

    @TempDir
    Path dir;

    @Test
    void theLogIsCheckpointedAfterCommitsAndStaysFarBelowTheWritersOwnMark() throws Exception {
        Path file = dir.resolve("live.db");
        try (var db = Database.open(file, SqliteSettings.defaults())) {
            db.write(tx -> tx.handle().execute("CREATE TABLE scratch(id INTEGER PRIMARY KEY, body TEXT NOT NULL)"));
            var next = new AtomicInteger();
            long largestLog = 0;
            for (int commit = 0; commit < COMMITS; commit++) {
                db.write(tx -> {
                    var batch = tx.handle().prepareBatch("INSERT INTO scratch(id, body) VALUES (?, ?)");
                    for (int i = 0; i < ROWS_PER_COMMIT; i++) {
                        int id = next.incrementAndGet();
                        batch.add(id, ("row " + id + " ").repeat(100));
                    }
                    return batch.execute();
                });
                awaitCheckpointOfEveryCommit(db, "a checkpoint after commit " + commit);
                largestLog = Math.max(largestLog, Files.size(Path.of(file + "-wal")));
            }
            assertThat(largestLog).as("the log's largest size, bytes").isLessThan(4L * 1024 * 1024);
            long rows = db.read(h -> h.createQuery("SELECT count(*) FROM scratch").mapTo(Long.class).one());
            assertThat(rows).isEqualTo((long) ROWS_PER_COMMIT * COMMITS);
        }
    }

    private static void awaitCheckpointOfEveryCommit(Database db, String what) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!db.checkpointedEveryCommit()) {
            assertThat(System.nanoTime()).as("timed out waiting for %s", what).isLessThan(deadline);
            java.util.concurrent.locks.LockSupport.parkNanos(Duration.ofMillis(5).toNanos());
        }
    }
}
