package org.queuedesk.server.ground;

import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jdbi.v3.core.statement.DefaultStatementBuilder;
import org.jdbi.v3.core.statement.StatementBuilder;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * Keeps the writer connection's prepared statements for reuse. The writer runs the same two dozen
 * statements over and over, and SQLite's prepare (parsing and planning) was a third of its native time in
 * the benchmark's profile. One idle statement is kept per SQL text (a statement in use when the same SQL
 * is needed again, e.g. in a nested write, simply gets a fresh one), and the least recently used beyond
 * {@link #MAX_CACHED} are closed. Jdbi closes result sets before statements, and sqlite-jdbc resets a
 * statement when its result set closes, so a cached statement never holds a read snapshot open.
 *
 * <p>Jdbi creates a statement from the parsed SQL ({@code ?} placeholders) but names the raw SQL
 * ({@code :name}) when it closes it, so statements are keyed by what they were created from.
 */
final class CachingStatementBuilder implements StatementBuilder {

    static final int MAX_CACHED = 200;
    private final StatementBuilder fresh = new DefaultStatementBuilder();
    /** Counts every statement Jdbi runs through this builder (the writer's {@code queuedesk_writer_statements}). */
    private final java.util.concurrent.atomic.LongAdder executed;
    private final Map<Statement, String> inUse = new java.util.IdentityHashMap<>();
    private int prepared;
    private final Map<String, PreparedStatement> idle = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, PreparedStatement> eldest) {
            if (size() > MAX_CACHED) {
                closeQuietly(eldest.getValue());
                return true;
            }
            return false;
        }
    };

    CachingStatementBuilder() {
        this(new java.util.concurrent.atomic.LongAdder());
    }

    CachingStatementBuilder(java.util.concurrent.atomic.LongAdder executed) {
        this.executed = executed;
    }

    @Override
    public Statement create(Connection conn, StatementContext ctx) throws SQLException {
        executed.increment();
        return fresh.create(conn, ctx);
    }

    @Override
    public PreparedStatement create(Connection conn, String sql, StatementContext ctx) throws SQLException {
        executed.increment();
        PreparedStatement statement = idle.remove(sql);
        if (statement == null) {
            statement = fresh.create(conn, sql, ctx);
            prepared++;
        }
        inUse.put(statement, sql);
        return statement;
    }

    @Override
    public CallableStatement createCall(Connection conn, String sql, StatementContext ctx) throws SQLException {
        return fresh.createCall(conn, sql, ctx);
    }

    @Override
    public void close(Connection conn, String sql, Statement stmt) throws SQLException {
        String key = inUse.remove(stmt);
        if (key == null || !(stmt instanceof PreparedStatement statement) || stmt.isClosed()) {
            fresh.close(conn, sql, stmt);
            return;
        }
        statement.clearParameters();
        PreparedStatement previous = idle.put(key, statement);
        if (previous != null && previous != statement) {
            closeQuietly(previous); // two of the same were open at once (a nested write); keep one
        }
    }

    @Override
    public void close(Connection conn) {
        idle.values().forEach(CachingStatementBuilder::closeQuietly);
        idle.clear();
        inUse.clear();
    }

    /** How many statements were prepared rather than reused. */
    int prepared() {
        return prepared;
    }

    private static void closeQuietly(Statement statement) {
        try {
            statement.close();
        } catch (SQLException ignored) {
            // the connection is going away or the statement is already finalised; nothing to keep
        }
    }
}
