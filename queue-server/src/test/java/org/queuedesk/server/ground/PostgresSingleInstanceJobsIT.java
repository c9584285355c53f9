package org.queuedesk.server.ground;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;
import org.queuedesk.server.testing.PostgresDatabases;
import org.queuedesk.server.testing.PostgresServer;

/**
 * Two instances schedule the same job on one PostgreSQL database: only the holder of its advisory lock runs it,
 * never both at once, and when the holder's connection dies (pg_terminate_backend, as when its instance is
 * killed or cut off) the other takes the job on its next run, and the old holder does not run it again.
 */
class PostgresSingleInstanceJobsIT {

    private final String url = PostgresServer.shared().createDatabase();
    private final List<AutoCloseable> open = new ArrayList<>();

    @AfterEach
    void closeAll() throws Exception {
        for (var closeable : open) {
            closeable.close();
        }
    }

    @Test
    void onlyTheLockHolderRunsAndItsLostConnectionHandsTheJobToTheOther() throws Exception {
        var firstConnection = new AtomicReference<Connection>();
        var first = jobs(firstConnection);
        var second = jobs(new AtomicReference<>());
        var runners = new CopyOnWriteArrayList<String>();
        var running = new AtomicInteger();
        var overlaps = new AtomicInteger();
        Runnable firstWork = () -> work("first", runners, running, overlaps);
        Runnable secondWork = () -> work("second", runners, running, overlaps);

        assertThat(first.runIfLeader("day-end", firstWork)).isTrue();
        // both instances' schedulers fire together, many times: the second never gets in
        var start = new CountDownLatch(1);
        var threads = new ArrayList<Thread>();
        for (var pair : List.of(new Object[] {first, firstWork}, new Object[] {second, secondWork})) {
            var thread = new Thread(() -> {
                awaitQuietly(start);
                for (int i = 0; i < 50; i++) {
                    ((SingleInstanceJobs) pair[0]).runIfLeader("day-end", (Runnable) pair[1]);
                }
            });
            thread.start();
            threads.add(thread);
        }
        start.countDown();
        for (var thread : threads) {
            thread.join(TimeUnit.SECONDS.toMillis(60));
        }
        assertThat(runners).hasSize(51).containsOnly("first");
        assertThat(overlaps).hasValue(0);
        // another job has a lock of its own: the second instance may lead it
        assertThat(second.runIfLeader("alert-evaluation", () -> { })).isTrue();
        assertThat(first.runIfLeader("alert-evaluation", () -> { })).isFalse();

        int pid = firstConnection.get().unwrap(PGConnection.class).getBackendPID();
        PostgresDatabases.execute(url, "SELECT pg_terminate_backend(" + pid + ")");
        runners.clear();
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!second.runIfLeader("day-end", secondWork) && System.nanoTime() < deadline) {
            Thread.onSpinWait(); // until the server has ended the killed session and its lock with it
        }
        assertThat(runners).containsExactly("second");
        assertThat(first.runIfLeader("day-end", firstWork)).as("the old holder, on a new connection").isFalse();
        assertThat(runners).containsExactly("second");
    }

    private static void work(String who, List<String> runners, AtomicInteger running, AtomicInteger overlaps) {
        if (running.incrementAndGet() > 1) {
            overlaps.incrementAndGet();
        }
        runners.add(who);
        running.decrementAndGet();
    }

    private PostgresSingleInstanceJobs jobs(AtomicReference<Connection> last) {
        var jobs = new PostgresSingleInstanceJobs(() -> {
            var connection = PostgresDatabases.connect(url);
            last.set(connection);
            return connection;
        });
        open.add(jobs);
        return jobs;
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
