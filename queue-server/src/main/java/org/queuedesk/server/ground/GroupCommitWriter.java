package org.queuedesk.server.ground;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.Function;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * The one writer: a thread that takes queued writes and runs as many as are waiting (up to a batch) in a
 * single immediate transaction, each in its own savepoint, then commits once. Every caller is answered only
 * after the commit that holds its work is durable, so group commit never acknowledges anything that a
 * crash could lose; it only shares one fsync among the requests that arrived together.
 */
final class GroupCommitWriter implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(GroupCommitWriter.class);
    private static final int MAX_BATCH = 64;

    private final Jdbi jdbi;
    private final LinkedBlockingQueue<Task<?>> queue = new LinkedBlockingQueue<>();
    private final Thread thread;
    private volatile boolean running = true;
    /** The open transaction's handle and hooks, for writes made from inside a write (writer thread only). */
    private WriteTransaction current;
    private int savepoints;
    /**
     * The writer's own connection and the DAOs attached to it, kept between commits (writer thread only):
     * attaching a DAO and taking a pooled connection cost more than most of the statements a write runs.
     */
    private Handle handle;
    private final java.util.Map<Class<?>, Object> daos = new java.util.HashMap<>();
    /** What {@link WriteTransaction#remember} keeps; forgotten whenever any write is undone. */
    private final java.util.Map<Object, Object> remembered = new java.util.HashMap<>();
    /** What the batch's writes asked to run just before it commits (see {@link WriteTransaction#beforeCommit}). */
    private final java.util.Map<Object, Runnable> beforeCommit = new java.util.LinkedHashMap<>();

    /** Statements the writer ran, Jdbi's and plain ones (the metrics' {@code queuedesk_writer_statements}). */
    private final java.util.concurrent.atomic.LongAdder statementsRun = new java.util.concurrent.atomic.LongAdder();
    /** The writer connection's plain statements; with the handle (writer thread only). */
    private PlainStatements plain;

    /** Told each committed batch's size (the metrics' commit batch sizes); nothing until metrics are bound. */
    private volatile java.util.function.IntConsumer committedBatches = size -> { };

    /** Told of each commit; copies the log into the database file off this thread. */
    private final WalCheckpointer checkpointer;
    /** Told how long each commit took, in nanoseconds (the metrics' commit timer); nothing until metrics are bound. */
    private volatile java.util.function.LongConsumer commitTimes = nanos -> { };

    GroupCommitWriter(Jdbi jdbi, WalCheckpointer checkpointer) {
        this.jdbi = jdbi;
        this.checkpointer = checkpointer;
        this.thread = new Thread(this::run, "queuedesk-writer");
        thread.setDaemon(true);
        thread.start();
    }

    Thread thread() {
        return thread;
    }

    /** Writes waiting for the writer (not counting the batch it is committing). */
    int queued() {
        return queue.size();
    }

    /** How many statements the writer has run so far (every thread may read it). */
    long statementsRun() {
        return statementsRun.sum();
    }

    void onCommittedBatch(java.util.function.IntConsumer listener) {
        committedBatches = listener;
    }

    void onCommitTime(java.util.function.LongConsumer listener) {
        commitTimes = listener;
    }

    private static final class Task<R> {
        final Function<WriteTransaction, R> work;
        final CompletableFuture<R> done = new CompletableFuture<>();
        final List<Runnable> afterCommit = new ArrayList<>();
        /** The caller's log context (its request id): what this thread logs for the task carries it too. */
        final java.util.Map<String, String> logContext = MDC.getCopyOfContextMap();
        R result;
        RuntimeException refused;

        Task(Function<WriteTransaction, R> work) {
            this.work = work;
        }

        void enterLogContext() {
            if (logContext == null) {
                MDC.clear();
            } else {
                MDC.setContextMap(logContext);
            }
        }
    }

    <R> R submit(Function<WriteTransaction, R> work) {
        if (!running) {
            throw new IllegalStateException("The database is closed");
        }
        var task = new Task<>(work);
        queue.add(task);
        try {
            return task.done.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for a write", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    /** A write made while a write runs on this thread: joins its transaction, in a savepoint of its own. */
    <R> R nested(Function<WriteTransaction, R> work) {
        String name = "nested" + (++savepoints);
        Handle handle = current.handle();
        List<Runnable> actions = current.afterCommit();
        int actionsBefore = actions.size();
        int[] marks = new int[actionsBefore];
        for (int i = 0; i < actionsBefore; i++) {
            marks[i] = actions.get(i) instanceof WriteTransaction.Gathering gathering ? gathering.mark() : 0;
        }
        handle.savepoint(name);
        try {
            R result = work.apply(current);
            handle.releaseSavepoint(name);
            return result;
        } catch (RuntimeException e) {
            handle.rollbackToSavepoint(name); // Jdbi forgets the savepoint here; nothing left to release
            remembered.clear();
            // what the undone work meant to do after commit is undone with it (e.g. publishing its events),
            // including what it added to actions that were already there
            actions.subList(actionsBefore, actions.size()).clear();
            for (int i = 0; i < actionsBefore; i++) {
                if (actions.get(i) instanceof WriteTransaction.Gathering gathering) {
                    gathering.forgetAfter(marks[i]);
                }
            }
            throw e;
        }
    }

    private void run() {
        while (running || !queue.isEmpty()) {
            List<Task<?>> batch = new ArrayList<>();
            try {
                Task<?> first = queue.poll(200, java.util.concurrent.TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, MAX_BATCH - 1);
            } catch (InterruptedException e) {
                if (!running) {
                    break;
                }
                continue;
            }
            commit(batch);
        }
        closeHandle();
        Task<?> left;
        while ((left = queue.poll()) != null) {
            left.done.completeExceptionally(new IllegalStateException("The database is closed"));
        }
    }

    private void commit(List<Task<?>> batch) {
        try {
            Handle handle = handle();
            handle.begin();
            try {
                for (Task<?> task : batch) {
                    runInSavepoint(handle, task, daos);
                }
                beforeCommit.values().forEach(Runnable::run);
                long started = System.nanoTime();
                handle.commit();
                commitTimes.accept(System.nanoTime() - started);
                checkpointer.committed();
            } catch (RuntimeException | Error e) {
                rollbackQuietly(handle);
                throw e;
            } finally {
                current = null;
                beforeCommit.clear();
                MDC.clear(); // commit-wide lines (a failed batch) belong to no one request
            }
        } catch (RuntimeException | Error e) {
            closeHandle(); // start the next batch on a fresh connection, whatever state this one is in
            log.error("A group commit of {} writes failed; none of them was applied", batch.size(), e);
            for (Task<?> task : batch) {
                task.done.completeExceptionally(e);
            }
            return;
        }
        committedBatches.accept(batch.size());
        for (Task<?> task : batch) {
            finish(task);
        }
    }

    private Handle handle() {
        if (handle == null) {
            handle = jdbi.open();
            // the checkpointer copies the log; the writer checkpoints itself only if the log outgrows this mark
            handle.execute("PRAGMA wal_autocheckpoint = " + WalCheckpointer.WRITER_BACKSTOP_PAGES);
            handle.setStatementBuilder(new CachingStatementBuilder(statementsRun));
            plain = new PlainStatements(handle.getConnection(), statementsRun);
        }
        return handle;
    }

    private void closeHandle() {
        daos.clear();
        remembered.clear();
        if (plain != null) {
            plain.close();
            plain = null;
        }
        if (handle != null) {
            try {
                handle.close();
            } catch (RuntimeException e) {
                log.warn("Closing the writer's connection failed", e);
            }
            handle = null;
        }
    }

    private <R> void runInSavepoint(Handle handle, Task<R> task, java.util.Map<Class<?>, Object> daos) {
        task.enterLogContext();
        // plain cached statements, not Jdbi's savepoints: two per write, and the driver parsed each one anew
        plain.run("SAVEPOINT write");
        current = new WriteTransaction(handle, task.afterCommit, daos, remembered, beforeCommit, plain);
        savepoints = 0;
        try {
            task.result = task.work.apply(current);
            plain.run("RELEASE write");
        } catch (RuntimeException e) {
            plain.run("ROLLBACK TO write");
            plain.run("RELEASE write"); // ROLLBACK TO keeps the savepoint; the next write opens its own
            remembered.clear();
            task.afterCommit.clear();
            task.refused = e;
        }
    }

    private static <R> void finish(Task<R> task) {
        task.enterLogContext();
        try {
            finishInLogContext(task);
        } finally {
            MDC.clear();
        }
    }

    private static <R> void finishInLogContext(Task<R> task) {
        if (task.refused != null) {
            task.done.completeExceptionally(task.refused);
            return;
        }
        for (Runnable action : task.afterCommit) {
            try {
                action.run();
            } catch (RuntimeException e) {
                log.warn("An after-commit action failed; the write itself is committed", e);
            }
        }
        task.done.complete(task.result);
    }

    private static void rollbackQuietly(Handle handle) {
        try {
            handle.rollback();
        } catch (RuntimeException ignored) {
            // the connection is closed next; SQLite rolls back an unfinished transaction itself
        }
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
        try {
            thread.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
