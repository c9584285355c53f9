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
    SQLITE("json_group_object", "group_concat", "max", ""),
    POSTGRESQL("json_object_agg", "string_agg", "greatest", "FOR UPDATE SKIP LOCKED");

    /**
     * Functions both stores have under different names, as template attributes any statement may use:
     * {@code <jsonObjectAgg>(key, value)} (a JSON object, or null on PostgreSQL for no rows),
     * {@code <stringAgg>(CAST(x AS TEXT), ',')}, {@code <greatest>(a, b)}; and {@code <skipLocked>} after a
     * query that picks a row to change, so two concurrent transactions never pick the same one (nothing on
     * SQLite, where the single writer already holds the only write lock).
     */
    private final java.util.Map<String, String> functions;

    Dialect(String jsonObjectAgg, String stringAgg, String greatest, String skipLocked) {
        this.functions = java.util.Map.of("jsonObjectAgg", jsonObjectAgg, "stringAgg", stringAgg,
                "greatest", greatest, "skipLocked", skipLocked);
    }

    /** The dialect of the database this handle is connected to. */
    public static Dialect of(Handle handle) {
        return handle.getConfig(Setting.class).dialect;
    }

    void applyTo(Jdbi jdbi) {
        jdbi.getConfig(Setting.class).dialect = this;
        functions.forEach(jdbi::define);
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
