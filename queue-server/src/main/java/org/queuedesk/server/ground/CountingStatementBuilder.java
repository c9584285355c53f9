package org.queuedesk.server.ground;

import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.LongAdder;
import org.jdbi.v3.core.statement.DefaultStatementBuilder;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * Jdbi's own statement builder, counting what a write lane runs through Jdbi (the plain statements count
 * themselves): with them, {@code queuedesk_writer_statements} on PostgreSQL, as the single writer's on SQLite.
 */
final class CountingStatementBuilder extends DefaultStatementBuilder {

    private final LongAdder executed;

    CountingStatementBuilder(LongAdder executed) {
        this.executed = executed;
    }

    @Override
    public Statement create(Connection conn, StatementContext ctx) throws SQLException {
        executed.increment();
        return super.create(conn, ctx);
    }

    @Override
    public PreparedStatement create(Connection conn, String sql, StatementContext ctx) throws SQLException {
        executed.increment();
        return super.create(conn, sql, ctx);
    }

    @Override
    public CallableStatement createCall(Connection conn, String sql, StatementContext ctx) throws SQLException {
        executed.increment();
        return super.createCall(conn, sql, ctx);
    }
}
