package org.queuedesk.server.ground;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

/**
 * The writer connection's plain JDBC statements ({@link WriteTransaction#sql}), prepared once per SQL text and
 * kept while the connection lives. On the hot path Jdbi's per-statement machinery (binding by name, argument
 * and mapper lookup, statement context, cleanables) cost more of the writer's time than SQLite's own work;
 * a cached statement bound by position costs next to nothing. Each use runs to completion (its result set read
 * and closed) before it returns, so a nested write may use the same statement again.
 */
final class PlainStatements {

    private final Connection connection;
    private final LongAdder executed;
    private final Map<String, PreparedStatement> prepared = new HashMap<>();

    PlainStatements(Connection connection, LongAdder executed) {
        this.connection = connection;
        this.executed = executed;
    }

    PreparedStatement get(String sql) throws SQLException {
        PreparedStatement statement = prepared.get(sql);
        if (statement == null || statement.isClosed()) {
            statement = connection.prepareStatement(sql);
            prepared.put(sql, statement);
        }
        executed.increment();
        return statement;
    }

    /**
     * Runs a statement of the writer's own bookkeeping (a savepoint), prepared once and not counted among the
     * requests' statements: Jdbi's savepoints went through the driver's, which parses the SQL each time.
     */
    void run(String sql) {
        try {
            PreparedStatement statement = prepared.get(sql);
            if (statement == null || statement.isClosed()) {
                statement = connection.prepareStatement(sql);
                prepared.put(sql, statement);
            }
            statement.execute();
        } catch (SQLException e) {
            throw new org.jdbi.v3.core.transaction.TransactionException("Failed: " + sql, e);
        }
    }

    void close() {
        for (PreparedStatement statement : prepared.values()) {
            try {
                statement.close();
            } catch (SQLException ignored) {
                // the connection is going away; nothing to keep
            }
        }
        prepared.clear();
    }
}
