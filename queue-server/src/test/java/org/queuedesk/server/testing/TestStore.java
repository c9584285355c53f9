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

    /** The configuration on PostgreSQL whatever the property says (tests about PostgreSQL itself). */
    public static ServerConfig onPostgres(ServerConfig config) {
        String url = DATABASES.computeIfAbsent(config.dataDir().toAbsolutePath().normalize(),
                dir -> PostgresServer.shared().createDatabase());
        return config.withPostgres(new PostgresSettings(url, PostgresServer.USER, null));
    }
}
