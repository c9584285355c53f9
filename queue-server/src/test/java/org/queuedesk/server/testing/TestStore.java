package org.queuedesk.server.testing;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.queuedesk.server.app.ServerConfig;
import org.queuedesk.server.ground.PostgresSettings;

/**
 * The store the test servers use: their SQLite file, or with {@code -Dqueuedesk.test.store=postgresql} a fresh
 * PostgreSQL database per data folder on the JVM's {@link PostgresServer} (a server restarted on the same folder
 * finds its database again, as it would find its file).
 */
public final class TestStore {

    public static final String PROPERTY = "queuedesk.test.store";
    private static final Map<Path, String> DATABASES = new ConcurrentHashMap<>();

    private TestStore() {
    }

    public static boolean postgres() {
        return "postgresql".equalsIgnoreCase(System.getProperty(PROPERTY, "sqlite").strip());
    }

    /** The configuration on the chosen store. */
    public static ServerConfig apply(ServerConfig config) {
        if (!postgres() || config.postgres() != null) {
            return config;
        }
        return onPostgres(config);
    }

    /** The application's tables (not Flyway's history), by name, on either store. */
    public static java.util.List<String> tables(org.jdbi.v3.core.Handle h) {
        String sql = org.queuedesk.server.ground.Dialect.of(h) == org.queuedesk.server.ground.Dialect.POSTGRESQL
                ? "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema()"
                  + " AND table_type = 'BASE TABLE' AND table_name <> 'flyway_schema_history' ORDER BY table_name"
                : "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
                  + " AND name <> 'flyway_schema_history' ORDER BY name";
        return h.createQuery(sql).mapTo(String.class).list();
    }

    /** The configuration on PostgreSQL whatever the property says (tests about PostgreSQL itself). */
    public static ServerConfig onPostgres(ServerConfig config) {
        String url = DATABASES.computeIfAbsent(config.dataDir().toAbsolutePath().normalize(),
                dir -> PostgresServer.shared().createDatabase());
        return config.withPostgres(new PostgresSettings(url, PostgresServer.USER, null));
    }
}
