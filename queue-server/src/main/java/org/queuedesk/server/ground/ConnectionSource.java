package org.queuedesk.server.ground;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * Opens a connection of its own, outside the pool, for what lives as long as a session does: a held advisory
 * lock, a {@code LISTEN}. On PostgreSQL: {@code () -> DriverManager.getConnection(url, user, password)}.
 */
@FunctionalInterface
public interface ConnectionSource {
    Connection open() throws SQLException;
}
