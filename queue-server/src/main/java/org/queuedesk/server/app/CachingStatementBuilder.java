package org.queuedesk.server.app;

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
 */
final class CachingStatementBuilder implements StatementBuilder {

    static final int MAX_CACHED = 200;
    private final StatementBuilder fresh = new DefaultStatementBuilder();
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

    @Override
    public Statement create(Connection conn, StatementContext ctx) throws SQLException {
        return fresh.create(conn, ctx);
    }

    @Override
    public PreparedStatement create(Connection conn, String sql, StatementContext ctx) throws SQLException {
        PreparedStatement cached = idle.remove(sql);
        return cached != null ? cached : fresh.create(conn, sql, ctx);
    }

    @Override
    public CallableStatement createCall(Connection conn, String sql, StatementContext ctx) throws SQLException {
        return fresh.createCall(conn, sql, ctx);
    }

    @Override
    public void close(Connection conn, String sql, Statement stmt) throws SQLException {
        if (sql == null || !(stmt instanceof PreparedStatement prepared) || stmt instanceof CallableStatement
                || stmt.isClosed()) {
            fresh.close(conn, sql, stmt);
            return;
        }
        prepared.clearParameters();
        PreparedStatement previous = idle.put(sql, prepared);
        if (previous != null && previous != prepared) {
            closeQuietly(previous);
        }
    }

    @Override
    public void close(Connection conn) {
        idle.values().forEach(CachingStatementBuilder::closeQuietly);
        idle.clear();
    }

    private static void closeQuietly(Statement statement) {
        try {
            statement.close();
        } catch (SQLException ignored) {
            // the connection is going away or the statement is already finalised; nothing to keep
        }
    }
}
