package org.queuedesk.server.ground;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import org.sqlite.SQLiteConfig;

/**
 * A consistent copy of the live database made by copying its files, not by rebuilding it.
 *
 * <p>{@code VACUUM INTO} rebuilds every table and index: on a 1 GB file that is ten seconds of a whole core plus a
 * gigabyte of dirty pages flushed at once, and on two cores Next stalled for most of a second behind it. A file
 * copy costs little CPU and can go at a measured pace. It is consistent because a read transaction is held
 * from before the copy starts until the write-ahead log has been copied: while it is open, SQLite writes into the
 * database file only pages whose newer version is in the part of the log this reader needs, and it never
 * rewinds that part; so the copied file plus the copied log, recovered and checkpointed by SQLite in the backup
 * folder, hold at least everything committed when the copy began. (Litestream copies the same way.)
 *
 * <p>The database file is read through one channel opened at start and closed only after SQLite's own
 * connections: closing any descriptor of a file drops all of this process's POSIX locks on it, SQLite's included
 * (sqlite.org/howtocorrupt.html, 2.2). The log file carries no locks, so it is opened per copy.
 */
public final class DatabaseCopy implements AutoCloseable {

    private static final int CHUNK = 4 * 1024 * 1024;

    private final Path file;
    private final FileChannel database;

    DatabaseCopy(Path file) {
        this.file = file;
        try {
            this.database = FileChannel.open(file, StandardOpenOption.READ);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Copies the database to {@code target} (which must not exist), pacing each chunk by {@code pace}. */
    void copyTo(Path target, Pace pace) throws IOException {
        Path targetLog = Path.of(target + "-wal");
        try (Connection snapshot = openSnapshot()) {
            try (var out = FileChannel.open(target, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                // to its end: checkpoints may still grow it during the copy, but only with pages of the snapshot's log part
                copy(database, out, pace, Long.MAX_VALUE);
            }
            Path log = Path.of(file + "-wal");
            if (Files.exists(log)) {
                try (var in = FileChannel.open(log, StandardOpenOption.READ);
                     var out = FileChannel.open(targetLog, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                    // only as far as the log reached now: it already holds the snapshot's part, and chasing the end of
                    // a log that grows during each rest never finished once writes outpaced the copy
                    copy(in, out, pace, in.size());
                }
            }
            snapshot.rollback();
        } catch (SQLException e) {
            throw new IOException("Could not hold a read transaction on " + file + " while copying it", e);
        }
        foldLogInto(target);
    }

    /** A read transaction that pins the part of the log the copy needs (a deferred one: it takes no write lock). */
    private Connection openSnapshot() throws SQLException {
        var config = new SQLiteConfig();
        config.setReadOnly(true);
        config.setBusyTimeout(10_000);
        Connection c = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath(), config.toProperties());
        try {
            c.setAutoCommit(false);
            try (var s = c.createStatement(); var rows = s.executeQuery("PRAGMA schema_version")) {
                rows.next(); // the first read starts the snapshot
            }
            return c;
        } catch (SQLException e) {
            c.close();
            throw e;
        }
    }

    /** SQLite recovers the copied log on open; a TRUNCATE checkpoint then writes it into the copy and empties it. */
    private static void foldLogInto(Path target) throws IOException {
        try (var c = DriverManager.getConnection("jdbc:sqlite:" + target.toAbsolutePath()); var s = c.createStatement()) {
            s.execute("PRAGMA wal_checkpoint(TRUNCATE)");
        } catch (SQLException e) {
            throw new IOException("Could not write the copied log into " + target, e);
        }
        Files.deleteIfExists(Path.of(target + "-wal"));
        Files.deleteIfExists(Path.of(target + "-shm"));
        try (var out = FileChannel.open(target, StandardOpenOption.WRITE)) {
            out.force(true);
        }
    }

    /**
     * The first {@code length} bytes, chunk by chunk, each written through to disk before the next, so dirty pages
     * never pile up.
     */
    private static void copy(FileChannel in, FileChannel out, Pace pace, long length) throws IOException {
        var buffer = ByteBuffer.allocateDirect(CHUNK);
        long position = 0;
        while (position < length) {
            long started = System.nanoTime();
            buffer.clear();
            buffer.limit((int) Math.min(CHUNK, length - position));
            int read = in.read(buffer, position);
            if (read <= 0) {
                return;
            }
            buffer.flip();
            while (buffer.hasRemaining()) {
                out.write(buffer, position + buffer.position());
            }
            out.force(false);
            position += read;
            pace.rest(System.nanoTime() - started);
        }
    }

    @Override
    public void close() {
        try {
            database.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** How long to rest after a step of a background copy that took {@code stepNanos}. */
    @FunctionalInterface
    public interface Pace {
        Pace FULL_SPEED = stepNanos -> { };

        void rest(long stepNanos);

        /**
         * Rests so the copy runs at most {@code share} of the time (0.25: one step, then three steps' time of rest),
         * leaving the disk and a core to the desks; wall-clock waiting is the point here, not a test's shortcut.
         */
        static Pace share(double share) {
            return stepNanos -> {
                long until = System.nanoTime() + (long) (stepNanos * (1 - share) / share);
                long left;
                while ((left = until - System.nanoTime()) > 0) {
                    java.util.concurrent.locks.LockSupport.parkNanos(left);
                }
            };
        }
    }
}
