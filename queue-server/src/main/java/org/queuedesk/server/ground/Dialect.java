package org.queuedesk.server.ground;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.config.JdbiConfig;

/**
 * Which SQL the store speaks. Most statements run on both as written; where one must differ (a row lock SQLite
 * has no syntax for, a scalar {@code max} PostgreSQL calls {@code greatest}), the DAO that owns the statement keeps
 * both versions and picks one by {@link #of(Handle)}, so features never test for the store themselves.
 */
public enum Dialect {
    SQLITE,
    POSTGRESQL;

    /** The dialect of the database this handle is connected to. */
    public static Dialect of(Handle handle) {
        return handle.getConfig(Setting.class).dialect;
    }

    void applyTo(Jdbi jdbi) {
        jdbi.getConfig(Setting.class).dialect = this;
    }

    /** Jdbi's per-database setting that carries the dialect to every handle and DAO. */
    public static final class Setting implements JdbiConfig<Setting> {
        private Dialect dialect = SQLITE;

        public Setting() {
        }

        private Setting(Setting other) {
            this.dialect = other.dialect;
        }

        @Override
        public Setting createCopy() {
            return new Setting(this);
        }
    }
}
