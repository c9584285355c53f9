package org.queuedesk.server.ground;

import org.sqlite.SQLiteConfig;

/**
 * SQLite tuning. {@code synchronous=FULL} by default: an acknowledged ticket must survive a power cut,
 * not only a process crash.
 */
public record SqliteSettings(SQLiteConfig.SynchronousMode synchronous, int busyTimeoutMillis, int poolSize) {

    public static SqliteSettings defaults() {
        return new SqliteSettings(SQLiteConfig.SynchronousMode.FULL, 5_000, 8);
    }
}
