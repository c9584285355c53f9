package org.queuedesk.server.ground;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sqlite.SQLiteConfig;

/**
 * Copies SQLite's write-ahead log into the database file on a thread of its own, so that the single writer
 * seldom does it inside a commit.
 *
 * <p>By default SQLite checkpoints in the connection whose commit takes the log past 1,000 pages: the writer,
 * which then copies those pages and syncs the database file while every queued request waits behind it. Here a
 * PASSIVE checkpoint (it never blocks the writer, nor waits for readers) runs at most every {@link #PERIOD_MILLIS}
 * after commits, so each copies only what that time wrote. The writer keeps its own automatic checkpoint at a
 * higher mark ({@link #WRITER_BACKSTOP_PAGES}): when a long reader (a backup's snapshot) stops these checkpoints
 * from reaching the end of the log, the log grows and is checkpointed as before, just later.
 */
final class WalCheckpointer implements AutoCloseable {

    /** How often at most; each checkpoint syncs the database file once. */
    static final long PERIOD_MILLIS = 100;
    /** The writer's own automatic checkpoint, at 4x SQLite's default: a backstop, reached only while this one lags. */
    static final int WRITER_BACKSTOP_PAGES = 4_000;

    private static final Logger log = LoggerFactory.getLogger(WalCheckpointer.class);

    private final Path file;
    private final SQLiteConfig config;
    private final AtomicBoolean committed = new AtomicBoolean();
    private final Thread thread;
    private volatile boolean running = true;
    private volatile long checkpoints;
    /** Commits the writer has told of, and how many of them the last completed checkpoint began after. */
    private final java.util.concurrent.atomic.AtomicLong commits = new java.util.concurrent.atomic.AtomicLong();
    private volatile long checkpointedThrough;

    WalCheckpointer(Path file, SQLiteConfig config) {
        this.file = file;
        this.config = config;
        this.thread = new Thread(this::run, "queuedesk-checkpointer");
        thread.setDaemon(true);
        thread.start();
    }

    /** Told by the writer after each commit; cheap (no lock, at most one unpark). */
    void committed() {
        commits.incrementAndGet();
        if (!committed.getAndSet(true)) {
            LockSupport.unpark(thread);
        }
    }

    /** Checkpoints run so far (metrics). */
    long checkpoints() {
        return checkpoints;
    }

    /** Commits told so far (tests). */
    long commits() {
        return commits.get();
    }

    /**
     * The commits the last checkpoint that copied the whole log had been told of when it began: all of them are in
     * the database file (tests).
     */
    long checkpointedThrough() {
        return checkpointedThrough;
    }

    private void run() {
        Connection connection = null;
        while (running) {
            if (!committed.getAndSet(false)) {
                LockSupport.park(this);
                continue;
            }
            try {
                if (connection == null) {
                    connection = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath(), config.toProperties());
                }
                long through = commits.get();
                boolean whole;
                try (var statement = connection.createStatement();
                     var result = statement.executeQuery("PRAGMA wal_checkpoint(PASSIVE)")) {
                    // busy, frames in the log, frames copied: a reader's older snapshot may hold some back
                    whole = result.next() && result.getInt(1) == 0 && result.getInt(3) >= result.getInt(2);
                }
                checkpoints++;
                if (whole) {
                    checkpointedThrough = through;
                }
            } catch (SQLException e) {
                log.warn("A background checkpoint failed; the writer's own checkpoint still bounds the log", e);
                connection = closeQuietly(connection);
            }
            // a pause between checkpoints, whatever the commit rate: each one costs a sync of the database file
            long until = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(PERIOD_MILLIS);
            for (long left = until - System.nanoTime(); running && left > 0; left = until - System.nanoTime()) {
                LockSupport.parkNanos(this, left);
            }
        }
        closeQuietly(connection);
    }

    private static Connection closeQuietly(Connection connection) {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException ignored) {
                // a connection that failed is dropped either way
            }
        }
        return null;
    }

    @Override
    public void close() {
        running = false;
        LockSupport.unpark(thread);
        try {
            thread.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
