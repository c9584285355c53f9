package org.queuedesk.server.testing;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import org.queuedesk.server.ground.Database;

/**
 * A {@link Database} on a PostgreSQL database of the tests' server, for the multi-instance building blocks
 * (issue 15) written before the server itself runs on PostgreSQL. Until {@code Database} can open a
 * PostgreSQL URL (helper P1b's {@code --database-url}), this reaches its private constructor: the pool is
 * PostgreSQL's, the single writer runs plain transactions on it. Replace {@link #open} with that factory
 * once it exists; the schema here is only the tables a test names ({@link #execute}).
 */
public final class PostgresDatabases {

    private PostgresDatabases() {
    }

    /** One server instance's view of the database at {@code url}: its own pool and its own writer. */
    public static Database open(String url) {
        var config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setUsername(PostgresServer.USER);
        config.setPassword("");
        config.setMaximumPoolSize(4);
        config.setPoolName("queuedesk-test-pg");
        var pool = new HikariDataSource(config);
        try {
            // DatabaseCopy opens the SQLite file it would copy; an empty stand-in (a PostgreSQL store has no file)
            Path file = Files.createTempFile("queuedesk-pg-", ".none");
            file.toFile().deleteOnExit();
            var constructor = Database.class.getDeclaredConstructor(Path.class, HikariDataSource.class);
            constructor.setAccessible(true);
            return constructor.newInstance(file, pool);
        } catch (IOException e) {
            pool.close();
            throw new UncheckedIOException(e);
        } catch (ReflectiveOperationException e) {
            pool.close();
            throw new IllegalStateException("Database's constructor changed: use its PostgreSQL factory here", e);
        }
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
