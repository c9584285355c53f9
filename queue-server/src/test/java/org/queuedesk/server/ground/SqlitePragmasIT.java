package org.queuedesk.server.ground;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jdbi.v3.core.Handle;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.queuedesk.server.testing.TestServer;
import org.queuedesk.server.app.QueueServer;
import org.queuedesk.server.app.ServerConfig;

/**
 * The durability and integrity settings README promises on every connection ("One writer": WAL,
 * {@code synchronous=FULL}, {@code foreign_keys=ON}, a busy timeout; "Privacy": {@code secure_delete}), read
 * back from the connections themselves: several of the pool's at once (the ones made at start-up and ones
 * made later) and the writer's. The server is configured from a command line, as in production, not by
 * the tests' shortcut, so a setting dropped or weakened (e.g. {@code synchronous=NORMAL} for speed) fails here.
 */
@org.queuedesk.server.testing.SqliteOnly("SQLite's connection pragmas")
class SqlitePragmasIT {

    /** From README; {@code PRAGMA synchronous} answers 2 for FULL, booleans answer 1. */
    private static final Map<String, String> README = Map.of(
            "journal_mode", "wal",
            "synchronous", "2",
            "foreign_keys", "1",
            "secure_delete", "1");
    /** More than the pool keeps idle (2) and fewer than its size (8) less the writer's connection. */
    private static final int CONNECTIONS_AT_ONCE = 6;

    private static QueueServer server;

    @BeforeAll
    static void start() {
        String dataDir = TestServer.freshDir().toString();
        var config = ServerConfig.from(new String[] {"--host", "127.0.0.1", "--port", "0", "--data-dir", dataDir},
                Map.of());
        server = new QueueServer(config, Clock.systemUTC()).start();
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void everyPooledConnectionHasThem() {
        var handles = new ArrayList<Handle>();
        try {
            // held open together, so each is a different connection of the pool
            for (int i = 0; i < CONNECTIONS_AT_ONCE; i++) {
                handles.add(server.database().jdbi().open());
            }
            for (int i = 0; i < handles.size(); i++) {
                assertReadme(pragmas(handles.get(i)), "pooled connection " + (i + 1) + " of " + handles.size());
            }
        } finally {
            handles.forEach(Handle::close);
        }
    }

    @Test
    void theWritersConnectionHasThem() {
        // read on the writer's thread, checked on this one (an assertion error must not reach the writer)
        assertReadme(server.database().write(tx -> pragmas(tx.handle())), "the writer's connection");
    }

    @Test
    void readsHaveThem() {
        assertReadme(server.database().read(SqlitePragmasIT::pragmas), "a read");
    }

    private static Map<String, String> pragmas(Handle handle) {
        var values = new LinkedHashMap<String, String>();
        for (String pragma : List.of("journal_mode", "synchronous", "foreign_keys", "secure_delete", "busy_timeout")) {
            values.put(pragma, handle.createQuery("PRAGMA " + pragma).mapTo(String.class).one().toLowerCase(Locale.ROOT));
        }
        return values;
    }

    private static void assertReadme(Map<String, String> pragmas, String which) {
        assertThat(pragmas).as(which).containsAllEntriesOf(README);
        assertThat(Integer.parseInt(pragmas.get("busy_timeout"))).as("%s: busy_timeout (ms)", which).isPositive();
    }
}
