package org.queuedesk.server.ground;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.DriverManager;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.queuedesk.server.testing.PostgresServer;
import org.queuedesk.server.testing.TestStore;

/**
 * PostgreSQL's writes keep a few connections of their own (TransactionPerWrite's lanes). When the database closes
 * them (a restart, an administrator's pg_terminate_backend), the next writes run on new ones: none of them fails
 * and none is applied twice.
 */
@EnabledIfSystemProperty(named = TestStore.PROPERTY, matches = "postgresql",
        disabledReason = "the write lanes exist on PostgreSQL only")
class WriteLanesIT {

    private Database db;

    @AfterEach
    void close() {
        if (db != null) {
            db.close();
        }
    }

    @Test
    void writesGoOnWhenTheDatabaseClosedEveryWriteConnection() throws Exception {
        String url = PostgresServer.shared().createDatabase();
        db = Database.openPostgres(new PostgresSettings(url, PostgresServer.USER, "", 8));
        db.write(tx -> tx.handle().execute("INSERT INTO sites(id, name, time_zone) VALUES (1, 'North', 'UTC')"));
        // several lanes in use at once, so that more than one is kept
        var threads = new java.util.ArrayList<Thread>();
        for (int i = 0; i < 4; i++) {
            var t = new Thread(() -> db.write(tx -> tx.handle().execute("UPDATE sites SET name = name WHERE id = 1")));
            threads.add(t);
            t.start();
        }
        for (var t : threads) {
            t.join();
        }

        int closed;
        try (var admin = DriverManager.getConnection(url, PostgresServer.USER, "");
             var s = admin.createStatement();
             var rs = s.executeQuery("SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity"
                     + " WHERE datname = current_database() AND pid <> pg_backend_pid()")) {
            rs.next();
            closed = rs.getInt(1);
        }
        assertThat(closed).as("the server's connections the database closed").isPositive();

        for (int i = 0; i < 10; i++) {
            int name = i;
            db.write(tx -> tx.handle().execute("INSERT INTO sites(id, name, time_zone) VALUES (?, ?, 'UTC')",
                    100 + name, "Site " + name));
        }
        int written = db.read(h -> h.createQuery("SELECT count(*) FROM sites WHERE id >= 100").mapTo(Integer.class).one());
        assertThat(written).as("each write applied once").isEqualTo(10);
    }
}
