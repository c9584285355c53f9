package org.queuedesk.server.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.DriverManager;
import org.junit.jupiter.api.Test;

/** The tests' PostgreSQL starts, and each database it hands out is a separate, empty one. */
class PostgresServerIT {

    @Test
    void handsOutSeparateDatabasesOnARealServer() throws Exception {
        var server = PostgresServer.shared();
        String first = server.createDatabase();
        String second = server.createDatabase();
        assertThat(first).isNotEqualTo(second);
        try (var a = DriverManager.getConnection(first, PostgresServer.USER, "");
             var b = DriverManager.getConnection(second, PostgresServer.USER, "")) {
            a.createStatement().execute("CREATE TABLE only_in_first (id BIGINT PRIMARY KEY)");
            var version = a.createStatement().executeQuery("SHOW server_version_num");
            version.next();
            assertThat(version.getInt(1)).isGreaterThanOrEqualTo(150000);
            var tables = b.createStatement().executeQuery(
                    "SELECT count(*) FROM information_schema.tables WHERE table_name = 'only_in_first'");
            tables.next();
            assertThat(tables.getInt(1)).isZero();
        }
    }
}
