package org.queuedesk.server.ground;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Function;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes on a database that many writers share (PostgreSQL): each write is its own transaction on a pooled
 * connection, run on the caller's thread. Nothing here orders writes; the database does, through the row
 * locks and atomic statements the DAOs use (the site's event counter row, {@code SKIP LOCKED} for the queue's
 * head, counters by {@code UPDATE … RETURNING}). A write the database gives up on because it collided with
 * another (a serialization failure or a deadlock) is run again from the start, a few times, after a short
 * random pause; everything it did is undone first, including what it meant to do after commit.
 *
 * <p>{@link WriteTransaction#remember} holds within one transaction only: other transactions, and later other
 * server instances, change the rows between two writes.
 *
 * <p>Writes run on a few long-lived connections ({@link Lane}s), each keeping its Jdbi handle, the DAOs attached
 * to it and its plain statements, as SQLite's single writer does: Jdbi prepares every method of a DAO each time
 * one is attached, and attaching the DAOs afresh for each write cost several milliseconds of CPU per request
 * (README, "Benchmark"). A lane whose connection failed is closed and replaced.
 */
final class TransactionPerWrite implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(TransactionPerWrite.class);
    static final int MAX_ATTEMPTS = 6;

    private final Jdbi jdbi;
    private final int maxLanes;
    /** Lanes not in use; at most {@link #maxLanes} exist ({@link #lanes} counts them). */
    private final java.util.concurrent.BlockingQueue<Lane> idle = new java.util.concurrent.LinkedBlockingQueue<>();
    private final java.util.concurrent.atomic.AtomicInteger lanes = new java.util.concurrent.atomic.AtomicInteger();
    private final ThreadLocal<Open> current = new ThreadLocal<>();
    private final LongAdder retries = new LongAdder();
    /** Statements the writes ran, Jdbi's and plain ones, on every lane (the metrics' {@code queuedesk_writer_statements}). */
    private final LongAdder statementsRun = new LongAdder();
    /** Writes waiting for a pooled connection to start their transaction. */
    private final java.util.concurrent.atomic.AtomicInteger waiting = new java.util.concurrent.atomic.AtomicInteger();
    /** Told 1 for each committed transaction (the metrics' commit batch sizes); nothing until metrics are bound. */
    private volatile java.util.function.IntConsumer committed = size -> { };
    private volatile boolean running = true;

    /** The transaction open on this thread, and how many savepoints its nested writes took. */
    private static final class Open {
        final WriteTransaction tx;
        int savepoints;

        Open(WriteTransaction tx) {
            this.tx = tx;
        }
    }

    /** A connection kept for writes, with its handle's attached DAOs and prepared plain statements. */
    private static final class Lane {
        final Handle handle;
        final java.util.Map<Class<?>, Object> daos = new java.util.HashMap<>();
        final PlainStatements plain;

        Lane(Handle handle, LongAdder statementsRun) {
            this.handle = handle;
            this.plain = new PlainStatements(handle.getConnection(), statementsRun);
            handle.setStatementBuilder(new CountingStatementBuilder(statementsRun));
        }

        void close() {
            plain.close();
            closeQuietly(handle);
        }
    }

    /** {@code maxLanes}: connections kept for writes (the pool must hold more, for reads and the event feed). */
    TransactionPerWrite(Jdbi jdbi, int maxLanes) {
        this.jdbi = jdbi;
        this.maxLanes = Math.max(1, maxLanes);
    }

    /** Writes run again after a serialization failure or deadlock, since the start. */
    long retries() {
        return retries.sum();
    }

    /** How many statements the writes have run so far. */
    long statementsRun() {
        return statementsRun.sum();
    }

    /** Writes waiting for a connection (the counterpart of the single writer's queue). */
    int waiting() {
        return waiting.get();
    }

    void onCommitted(java.util.function.IntConsumer listener) {
        committed = listener;
    }

    <R> R write(Function<WriteTransaction, R> work) {
        Open open = current.get();
        if (open != null) {
            return nested(open, work);
        }
        if (!running) {
            throw new IllegalStateException("The database is closed");
        }
        for (int attempt = 1; ; attempt++) {
            try {
                return once(work);
            } catch (LaneLost lost) {
                // its connection was gone (the database restarted, or closed it) before anything was committed
                if (attempt >= MAX_ATTEMPTS) {
                    throw lost.failure;
                }
                log.info("A write connection was lost before its commit; running the write again on another");
            } catch (RuntimeException e) {
                if (attempt >= MAX_ATTEMPTS || !collided(e)) {
                    throw e;
                }
                retries.increment();
                log.debug("A write collided with another (attempt {}); running it again", attempt, e);
                pause(attempt);
            }
        }
    }

    private <R> R once(Function<WriteTransaction, R> work) {
        List<Runnable> afterCommit = new ArrayList<>();
        R result;
        Lane lane;
        waiting.incrementAndGet();
        try {
            lane = takeLane();
        } finally {
            waiting.decrementAndGet();
        }
        boolean healthy = false;
        try {
            Handle handle = lane.handle;
            var tx = new WriteTransaction(handle, afterCommit, lane.daos, new java.util.HashMap<>(),
                    new java.util.LinkedHashMap<>(), lane.plain);
            current.set(new Open(tx));
            boolean committing = false;
            try {
                handle.begin();
                result = work.apply(tx);
                tx.beforeCommit().values().forEach(Runnable::run);
                committing = true;
                handle.commit();
            } catch (RuntimeException | Error e) {
                healthy = rolledBack(handle); // a refused or collided write leaves its lane as good as new
                if (!healthy && !committing && e instanceof RuntimeException failure) {
                    throw new LaneLost(failure); // nothing was committed: safe to run again
                }
                throw e;
            } finally {
                current.remove();
            }
            healthy = true;
        } finally {
            giveBack(lane, healthy);
        }
        committed.accept(1);
        for (Runnable action : afterCommit) {
            try {
                action.run();
            } catch (RuntimeException e) {
                log.warn("An after-commit action failed; the write itself is committed", e);
            }
        }
        return result;
    }

    /** A write whose lane's connection broke before its commit was sent: nothing of it was committed. */
    private static final class LaneLost extends RuntimeException {
        final RuntimeException failure;

        LaneLost(RuntimeException failure) {
            super(failure);
            this.failure = failure;
        }
    }

    private Lane takeLane() {
        Lane lane = idle.poll();
        if (lane != null) {
            return lane;
        }
        if (lanes.incrementAndGet() <= maxLanes) {
            try {
                return new Lane(jdbi.open(), statementsRun);
            } catch (RuntimeException e) {
                lanes.decrementAndGet();
                throw e;
            }
        }
        lanes.decrementAndGet();
        try {
            lane = idle.poll(10, java.util.concurrent.TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for a write connection", e);
        }
        if (lane == null) {
            throw new ServerBusy("Every write connection stayed busy for 10 s");
        }
        return lane;
    }

    private void giveBack(Lane lane, boolean healthy) {
        if (healthy && running) {
            idle.add(lane);
        } else {
            lanes.decrementAndGet();
            lane.close();
        }
    }

    /** A write made while a write runs on this thread: joins its transaction, in a savepoint of its own. */
    private static <R> R nested(Open open, Function<WriteTransaction, R> work) {
        WriteTransaction tx = open.tx;
        String name = "nested" + (++open.savepoints);
        List<Runnable> actions = tx.afterCommit();
        int actionsBefore = actions.size();
        int[] marks = new int[actionsBefore];
        for (int i = 0; i < actionsBefore; i++) {
            marks[i] = actions.get(i) instanceof WriteTransaction.Gathering gathering ? gathering.mark() : 0;
        }
        tx.handle().savepoint(name);
        try {
            R result = work.apply(tx);
            tx.handle().releaseSavepoint(name);
            return result;
        } catch (RuntimeException e) {
            tx.handle().rollbackToSavepoint(name);
            tx.remembered().clear(); // an undone insert's id can go to another row
            // what the undone work meant to do after commit is undone with it (e.g. publishing its events)
            actions.subList(actionsBefore, actions.size()).clear();
            for (int i = 0; i < actionsBefore; i++) {
                if (actions.get(i) instanceof WriteTransaction.Gathering gathering) {
                    gathering.forgetAfter(marks[i]);
                }
            }
            throw e;
        }
    }

    /** Whether the database rolled the transaction back because of another one, so that running it again may pass. */
    static boolean collided(Throwable e) {
        return WriteCollision.causedBy(e);
    }

    /** Up to 2, 4, 8, … ms, at random: two writers that collided should not meet again at the same moment. */
    private static void pause(int attempt) {
        long bound = Math.max(1, 1L << Math.min(attempt, 8));
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(bound) + 1);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting to run a write again", e);
        }
    }

    /** Rolls back; whether the connection is still fit for the next write. */
    private static boolean rolledBack(Handle handle) {
        try {
            handle.rollback();
            return !handle.getConnection().isClosed();
        } catch (RuntimeException | java.sql.SQLException e) {
            log.debug("Rolling back failed; the connection is closed and replaced", e);
            return false;
        }
    }

    private static void closeQuietly(Handle handle) {
        try {
            handle.close();
        } catch (RuntimeException e) {
            log.warn("Closing a write's connection failed", e);
        }
    }

    @Override
    public void close() {
        running = false;
        Lane lane;
        while ((lane = idle.poll()) != null) {
            lane.close();
        }
    }
}
