package org.queuedesk.server.ground;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The file copy behind hot backups: while it runs, every chunk is followed by more commits and a checkpoint that
 * writes the log into the very file being copied (the worst case for a file copy). The copy must still open with
 * {@code integrity_check} ok, hold every row committed before it began, and every row it holds must be whole.
 */
@org.queuedesk.server.testing.SqliteOnly("the hot copy of the SQLite file behind backups")
class DatabaseCopyIT {

    @TempDir
    Path dir;

    @Test
    void aCopyMadeWhileCommitsAndCheckpointsRewriteTheFileIsConsistentAndHoldsEverythingCommittedBefore()
            throws Exception {
        try (var db = Database.open(dir.resolve("live.db"), SqliteSettings.defaults())) {
            db.write(tx -> tx.handle().execute("CREATE TABLE scratch(id INTEGER PRIMARY KEY, body TEXT NOT NULL,"
                    + " check_sum INTEGER NOT NULL)"));
            var next = new AtomicInteger();
            for (int batch = 0; batch < 12; batch++) { // ~12 MB: three chunks of the copy at least
                insert(db, next, 1_000);
            }
            int committedBefore = next.get();
            var rests = new AtomicInteger();
            DatabaseCopy.Pace meanwhile = stepNanos -> {
                rests.incrementAndGet();
                insert(db, next, 200); // new pages and updates of old ones, in the log
                db.write(tx -> tx.handle().execute("UPDATE scratch SET body = upper(body), check_sum = check_sum"
                        + " WHERE id % 97 = ?", rests.get() % 97));
                // writes the log into the database file under the copy's feet, as far as the copy's snapshot allows
                db.read(h -> h.createQuery("PRAGMA wal_checkpoint(PASSIVE)").mapToMap().list());
            };

            Path copy = dir.resolve("copy.db");
            db.copyTo(copy, meanwhile);

            assertThat(rests.get()).as("the copy went in several chunks").isGreaterThanOrEqualTo(3);
            assertThat(Files.exists(Path.of(copy + "-wal"))).as("the copied log was folded in").isFalse();
            try (var c = DriverManager.getConnection("jdbc:sqlite:" + copy); var s = c.createStatement()) {
                try (var rows = s.executeQuery("PRAGMA integrity_check")) {
                    rows.next();
                    assertThat(rows.getString(1)).isEqualTo("ok");
                }
                var ids = new ArrayList<Integer>();
                try (var rows = s.executeQuery("SELECT id, body, check_sum FROM scratch ORDER BY id")) {
                    while (rows.next()) {
                        ids.add(rows.getInt(1));
                        assertThat(rows.getString(2).toLowerCase().hashCode()).as("row %d whole", rows.getInt(1))
                                .isEqualTo(rows.getInt(3));
                    }
                }
                assertThat(ids).as("every row committed before the copy began")
                        .containsAll(range(1, committedBefore));
                // a copy never holds a gap: rows come from whole transactions (ids are committed in order)
                assertThat(ids).isEqualTo(range(1, ids.size()));
            }
        }
    }

    /**
     * Writes during each rest of the copy that add more to the log than a chunk: the copy used to read the log until
     * its end, which moved further away at every rest, so a backup under enough writes never finished.
     */
    @Test
    void aCopyEndsEvenWhenWritesGrowTheLogFasterThanItIsCopied() throws Exception {
        try (var db = Database.open(dir.resolve("live.db"), SqliteSettings.defaults())) {
            db.write(tx -> tx.handle().execute("CREATE TABLE scratch(id INTEGER PRIMARY KEY, body TEXT NOT NULL,"
                    + " check_sum INTEGER NOT NULL)"));
            var next = new AtomicInteger();
            insert(db, next, 2_000);
            int committedBefore = next.get();
            DatabaseCopy.Pace meanwhile = stepNanos -> insert(db, next, 5_000); // ~5 MB of log, more than a chunk
            Path copy = dir.resolve("copy.db");

            assertTimeoutPreemptively(Duration.ofSeconds(60), () -> db.copyTo(copy, meanwhile), "the copy ended");

            try (var c = DriverManager.getConnection("jdbc:sqlite:" + copy); var s = c.createStatement()) {
                try (var rows = s.executeQuery("PRAGMA integrity_check")) {
                    rows.next();
                    assertThat(rows.getString(1)).isEqualTo("ok");
                }
                var ids = new ArrayList<Integer>();
                try (var rows = s.executeQuery("SELECT id FROM scratch ORDER BY id")) {
                    while (rows.next()) {
                        ids.add(rows.getInt(1));
                    }
                }
                assertThat(ids).as("every row committed before the copy began, and no gap")
                        .containsAll(range(1, committedBefore))
                        .isEqualTo(range(1, ids.size()));
            }
        }
    }

    private static void insert(Database db, AtomicInteger next, int rows) {
        db.write(tx -> {
            var batch = tx.handle().prepareBatch("INSERT INTO scratch(id, body, check_sum) VALUES (?, ?, ?)");
            for (int i = 0; i < rows; i++) {
                int id = next.incrementAndGet();
                String body = ("row " + id + " ").repeat(100).toLowerCase();
                batch.add(id, body, body.hashCode());
            }
            return batch.execute();
        });
    }

    private static List<Integer> range(int from, int to) {
        var all = new ArrayList<Integer>();
        for (int i = from; i <= to; i++) {
            all.add(i);
        }
        return all;
    }
}
