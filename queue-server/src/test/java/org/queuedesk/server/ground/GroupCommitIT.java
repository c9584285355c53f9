package org.queuedesk.server.ground;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.queuedesk.common.site.SiteDto;
import org.queuedesk.server.site.SiteCatalog;
import org.queuedesk.server.site.SiteDao;
import org.queuedesk.server.testing.TestServer;

/** The one writer: concurrent writes share commits, a refused write undoes only itself. */
@org.queuedesk.server.testing.SqliteOnly("SQLite's single writer and its group commits")
class GroupCommitIT {

    private final Database db = Database.open(TestServer.freshDir().resolve("writes.db"), SqliteSettings.defaults());

    @AfterEach
    void close() {
        db.close();
    }

    private int rows() {
        return db.read(h -> h.createQuery("SELECT count(*) FROM sites").mapTo(Integer.class).one());
    }

    @Test
    void concurrentWritesAllLandAndARefusedOneUndoesOnlyItsOwnWork() throws Exception {
        var pool = Executors.newFixedThreadPool(16);
        var go = new CountDownLatch(1);
        List<Future<Long>> results = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            int n = i;
            results.add(pool.submit(() -> {
                go.await();
                return db.write(tx -> {
                    long id = tx.handle().createQuery("INSERT INTO sites(name, time_zone) VALUES (:n, 'UTC') RETURNING id")
                            .bind("n", "site " + n).mapTo(Long.class).one();
                    if (n % 10 == 0) {
                        throw ApiProblem.conflict("refused " + n);
                    }
                    return id;
                });
            }));
        }
        go.countDown();
        int refused = 0;
        for (var result : results) {
            try {
                result.get(60, TimeUnit.SECONDS);
            } catch (java.util.concurrent.ExecutionException e) {
                assertThat(e.getCause()).isInstanceOf(ApiProblem.class).hasMessageStartingWith("refused");
                refused++;
            }
        }
        pool.shutdown();
        assertThat(refused).isEqualTo(20);
        assertThat(rows()).isEqualTo(180);
        int refusedRows = db.read(h -> h.createQuery("SELECT count(*) FROM sites WHERE name LIKE 'site %0'")
                .mapTo(Integer.class).one());
        assertThat(refusedRows).isZero();
    }

    @Test
    void afterCommitActionsRunOnlyForCommittedWorkAndInOrder() {
        var ran = new ConcurrentLinkedQueue<String>();
        db.write(tx -> {
            tx.afterCommit(() -> ran.add("first"));
            return null;
        });
        assertThatThrownBy(() -> db.write(tx -> {
            tx.afterCommit(() -> ran.add("refused"));
            throw ApiProblem.badRequest("no");
        })).isInstanceOf(ApiProblem.class);
        db.write(tx -> {
            tx.afterCommit(() -> ran.add("second"));
            return null;
        });
        assertThat(ran).containsExactly("first", "second");
    }

    @Test
    void anUndoneInnerWriteTakesItsAfterCommitActionsWithItAndTheOuterOnesStillRun() {
        var ran = new ConcurrentLinkedQueue<String>();
        db.write(tx -> {
            tx.afterCommit(() -> ran.add("outer before"));
            assertThatThrownBy(() -> db.write(inner -> {
                inner.afterCommit(() -> ran.add("undone inner"));
                throw ApiProblem.conflict("undo inner");
            })).isInstanceOf(ApiProblem.class);
            db.write(inner -> {
                inner.afterCommit(() -> ran.add("kept inner"));
                return null;
            });
            tx.afterCommit(() -> ran.add("outer after"));
            return null;
        });
        assertThat(ran).containsExactly("outer before", "kept inner", "outer after");
    }

    /** Like the event log's publication: one action per transaction that gathers items as writes go on. */
    private static final class Gathered implements WriteTransaction.Gathering {
        final List<String> items = new ArrayList<>();
        final ConcurrentLinkedQueue<String> delivered;

        Gathered(ConcurrentLinkedQueue<String> delivered) {
            this.delivered = delivered;
        }

        @Override
        public int mark() {
            return items.size();
        }

        @Override
        public void forgetAfter(int mark) {
            items.subList(mark, items.size()).clear();
        }

        @Override
        public void run() {
            delivered.addAll(items);
        }
    }

    @Test
    void anUndoneInnerWriteTakesBackWhatItAddedToAnOuterGatheringAction() {
        var delivered = new ConcurrentLinkedQueue<String>();
        db.write(tx -> {
            var gathered = new Gathered(delivered);
            gathered.items.add("outer 1");
            tx.afterCommit(gathered);
            assertThatThrownBy(() -> db.write(inner -> {
                gathered.items.add("undone inner");
                throw ApiProblem.conflict("undo inner");
            })).isInstanceOf(ApiProblem.class);
            db.write(inner -> gathered.items.add("kept inner"));
            gathered.items.add("outer 2");
            return null;
        });
        assertThat(delivered).containsExactly("outer 1", "kept inner", "outer 2");
    }

    @Test
    void rowsTheWriterRemembersAreForgottenWhenAWriteIsUndoneSoAReusedIdReadsFresh() {
        long undoneId = -1;
        try {
            db.write(tx -> {
                long id = tx.attach(SiteDao.class).insertSite("Undone Clinic", "UTC").id();
                assertThat(SiteCatalog.site(tx, id)).map(SiteDto::name).contains("Undone Clinic");
                throw ApiProblem.conflict("undo " + id);
            });
        } catch (ApiProblem e) {
            undoneId = Long.parseLong(e.getMessage().substring("undo ".length()));
        }
        long reused = db.write(tx -> tx.attach(SiteDao.class).insertSite("Real Clinic", "UTC").id());
        assertThat(reused).as("SQLite gives the undone row's id to the next one").isEqualTo(undoneId);
        String name = db.write(tx -> SiteCatalog.site(tx, reused).map(SiteDto::name).orElse("none"));
        assertThat(name).isEqualTo("Real Clinic");
    }

    @Test
    void aWriteFromInsideAWriteJoinsItsTransaction() {
        assertThatThrownBy(() -> db.write(tx -> {
            tx.handle().execute("INSERT INTO sites(name, time_zone) VALUES ('outer', 'UTC')");
            db.write(inner -> inner.handle().execute("INSERT INTO sites(name, time_zone) VALUES ('inner', 'UTC')"));
            throw ApiProblem.conflict("undo both");
        })).isInstanceOf(ApiProblem.class);
        assertThat(rows()).isZero();

        db.write(tx -> {
            assertThatThrownBy(() -> db.write(inner -> {
                inner.handle().execute("INSERT INTO sites(name, time_zone) VALUES ('inner', 'UTC')");
                throw ApiProblem.conflict("undo inner");
            })).isInstanceOf(ApiProblem.class);
            return tx.handle().execute("INSERT INTO sites(name, time_zone) VALUES ('outer', 'UTC')");
        });
        List<String> names = db.read(h -> h.createQuery("SELECT name FROM sites").mapTo(String.class).list());
        assertThat(names).containsExactly("outer");
    }

    @Test
    void reusedStatementsGiveFreshResultsEvenWhenTheSameQueryIsStillOpen() {
        String byName = "SELECT id FROM sites WHERE name = :name";
        for (int i = 0; i < 50; i++) {
            int n = i;
            long id = db.write(tx -> tx.handle().createQuery("INSERT INTO sites(name, time_zone) VALUES (:n, 'UTC') RETURNING id")
                    .bind("n", "site " + n).mapTo(Long.class).one());
            long found = db.write(tx -> tx.handle().createQuery(byName).bind("name", "site " + n).mapTo(Long.class).one());
            assertThat(found).isEqualTo(id);
        }
        // the same SQL again while its first result is still being read: it must get a statement of its own
        List<String> pairs = db.write(tx -> {
            try (var outer = tx.handle().createQuery("SELECT name FROM sites WHERE id <= 3 ORDER BY id").mapTo(String.class).stream()) {
                return outer.map(name -> name + "=" + tx.handle().createQuery("SELECT name FROM sites WHERE id <= 3 ORDER BY id")
                        .mapTo(String.class).list().size()).toList();
            }
        });
        assertThat(pairs).containsExactly("site 0=3", "site 1=3", "site 2=3");
    }

    @Test
    void theWritersKeptStatementsHoldNoReadOpenSoTheWalCanBeCheckpointedFully() {
        for (int i = 0; i < 20; i++) {
            int n = i;
            db.write(tx -> {
                tx.handle().createUpdate("INSERT INTO sites(name, time_zone) VALUES (:n, 'UTC')").bind("n", "site " + n).execute();
                // a query whose result is read only in part, as findOne does
                return tx.handle().createQuery("SELECT id FROM sites ORDER BY id").mapTo(Long.class).findFirst();
            });
        }
        // busy = 0: no connection (the writer's included) holds a read snapshot that keeps the WAL alive
        List<Integer> checkpoint = db.read(h -> h.createQuery("PRAGMA wal_checkpoint(TRUNCATE)")
                .map((rs, ctx) -> rs.getInt(1)).list());
        assertThat(checkpoint).containsExactly(0);
    }

    /** The README: a request's id is on every line it logs, also those the writer thread logs for it. */
    @Test
    void aWriteAndItsAfterCommitActionsRunInTheCallersLogContext() throws Exception {
        var pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<List<String>>> seen = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                String id = "request-" + i;
                seen.add(pool.submit(() -> {
                    org.slf4j.MDC.put("requestId", id);
                    try {
                        var inAction = new java.util.concurrent.CompletableFuture<String>();
                        String inWrite = db.write(tx -> {
                            tx.afterCommit(() -> inAction.complete(org.slf4j.MDC.get("requestId")));
                            return org.slf4j.MDC.get("requestId");
                        });
                        return List.of(id, inWrite, inAction.getNow("not run"));
                    } finally {
                        org.slf4j.MDC.remove("requestId");
                    }
                }));
            }
            for (var result : seen) {
                var ids = result.get(60, TimeUnit.SECONDS);
                assertThat(ids.subList(1, 3)).as("the write and its after-commit action of " + ids.get(0))
                        .containsOnly(ids.get(0));
            }
            // a write from a thread without a request leaves nothing behind from the last one
            String leftOver = db.write(tx -> org.slf4j.MDC.get("requestId"));
            assertThat(leftOver).isNull();
        } finally {
            pool.shutdownNow();
        }
    }
}
