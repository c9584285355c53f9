package org.queuedesk.server.ground;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;

/**
 * An open write transaction, and what must happen once it has committed. DAOs attached to it are kept
 * between commits: attaching is the costliest part of a short statement, and the writer is one thread.
 * {@link #remember} keeps rows for the writer that only change through writes that {@link #forget} them
 * (see {@code SiteCatalog}).
 */
public record WriteTransaction(Handle handle, List<Runnable> afterCommit, Map<Class<?>, Object> daos,
                               Map<Object, Object> remembered, Map<Object, Runnable> beforeCommit,
                               PlainStatements plain) {

    public WriteTransaction(Handle handle, List<Runnable> afterCommit) {
        this(handle, afterCommit, new HashMap<>(), new HashMap<>(), new java.util.LinkedHashMap<>(),
                new PlainStatements(handle.getConnection(), new java.util.concurrent.atomic.LongAdder()));
    }

    /** Work with one plain prepared statement: bind by position, execute, read and close its result set. */
    @FunctionalInterface
    public interface SqlWork<T> {
        T run(java.sql.PreparedStatement statement) throws java.sql.SQLException;
    }

    /**
     * Runs one statement of the hot path as a plain JDBC prepared statement kept by the writer's connection
     * ({@link PlainStatements}): for the few statements every issue and Next runs, where Jdbi's per-statement
     * machinery cost more than SQLite. {@code work} binds by position (instants as epoch millis, dates as ISO
     * text, enums by wire name: as {@code JdbiTypes} stores them), executes, and reads and closes any result
     * set before it returns; it must not close the statement. Portable SQL only, as everywhere.
     */
    public <T> T sql(String sql, SqlWork<T> work) {
        try {
            var statement = plain.get(sql);
            try {
                return work.run(statement);
            } finally {
                statement.clearParameters();
            }
        } catch (java.sql.SQLException e) {
            throw new org.jdbi.v3.core.statement.UnableToExecuteStatementException(
                    "Statement failed: " + e.getMessage() + " [statement: \"" + sql.strip().replaceAll("\\s+", " ") + "\"]", e, null);
        }
    }

    /**
     * Runs {@code action} once in this commit, after every write it holds and just before it commits; the
     * writes of one group commit that register under the same key share one run (e.g. storing a counter
     * once instead of once per write). The action must be right whichever of those writes were undone.
     */
    public void beforeCommit(Object key, Runnable action) {
        beforeCommit.putIfAbsent(key, action);
    }

    public <T> T attach(Class<T> dao) {
        return dao.cast(daos.computeIfAbsent(dao, handle::attach));
    }

    /**
     * The value under {@code key}, loaded once and kept by the writer until any write is undone (a rolled
     * back insert can give its id to another row) or a write that changes it calls {@link #forget}: rows
     * that only change that way, or state only the writer changes (a counter it keeps). A load that finds
     * nothing is not remembered.
     */
    public <T> java.util.Optional<T> remember(Object key, Class<T> type, java.util.function.Supplier<java.util.Optional<T>> load) {
        Object known = remembered.get(key);
        if (known != null) {
            return java.util.Optional.of(type.cast(known));
        }
        var loaded = load.get();
        loaded.ifPresent(value -> remembered.put(key, value));
        return loaded;
    }

    /** Drops what {@link #remember} keeps under {@code key}, once the write changed the row it came from. */
    public void forget(Object key) {
        remembered.remove(key);
    }

    /**
     * An after-commit action that gathers work as the transaction goes on (e.g. the events to publish). A
     * write nested in this one may add to it and then be undone; the action forgets what that write added.
     */
    public interface Gathering extends Runnable {

        /** How much it holds now. */
        int mark();

        /** Forgets everything added after {@code mark}. */
        void forgetAfter(int mark);
    }

    /** Runs {@code action} only if and when this transaction commits. */
    public void afterCommit(Runnable action) {
        afterCommit.add(action);
    }
}
