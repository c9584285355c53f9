package org.queuedesk.server.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/** Plain connections to a database of the tests' PostgreSQL, for tests that act below the server (locks, LISTEN). */
public final class PostgresDatabases {

    private PostgresDatabases() {
    }

    public static Connection connect(String url) throws SQLException {
        return DriverManager.getConnection(url, PostgresServer.USER, "");
    }

    /** Runs DDL (or any statements, separated by semicolons) on the database at {@code url}. */
    public static void execute(String url, String sql) {
        try (var connection = connect(url); var statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
