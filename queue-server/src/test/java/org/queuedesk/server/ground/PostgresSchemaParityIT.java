package org.queuedesk.server.ground;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.queuedesk.server.testing.PostgresServer;

/**
 * The PostgreSQL baseline ({@code db/postgresql}) creates the schema the SQLite chain ({@code db/migration})
 * ends with. Both are migrated from empty by Flyway and read back from their catalogues; the SQLite side is
 * the expectation, so a table, column, key, index, foreign key, CHECK or seed row added to one chain and not
 * the other fails here. Each schema becomes a list of facts ("column tickets#8 state NOT NULL", "index …"),
 * so a failure names exactly the facts missing on PostgreSQL and those it has in excess.
 *
 * <p>Where the stores differ on purpose, the SQLite fact is translated to its PostgreSQL counterpart by a rule
 * stated here (docs/postgresql.md, "Schema differences"): a {@code UNIQUE COLLATE NOCASE} column is a unique
 * index {@code <table>_<column>_nocase} on {@code lower(column)}. Types are not compared (SQLite's are only
 * affinities); CHECKs and partial-index predicates are compared by the columns, literals and numbers they
 * mention (PostgreSQL rewrites {@code IN} and {@code BETWEEN} when it stores them).
 */
class PostgresSchemaParityIT {

    /** The shared location for migrations that run on both stores (may not exist yet). */
    private static final String COMMON = "classpath:db/common";
    private static final Pattern TOKEN = Pattern.compile("'[^']*'|[A-Za-z_][A-Za-z0-9_]*|\\d+");
    private static final Pattern CAST = Pattern.compile("::[a-z_ ]+?(?=[),\\]]|$)");
    private static final List<String> PREDICATE_WORDS = List.of("is", "not", "null", "and", "or");
    private static final Map<String, String> PG_DELETE_RULES = Map.of(
            "a", "NO ACTION", "r", "RESTRICT", "c", "CASCADE", "n", "SET NULL", "d", "SET DEFAULT");

    @TempDir
    Path folder;

    @Test
    void postgresBaselineHasTheSchemaOfTheSqliteChain() throws Exception {
        String sqliteUrl = "jdbc:sqlite:" + folder.resolve("parity.db");
        String sqliteVersion = migrate(sqliteUrl, null, "classpath:db/migration");
        String pgUrl = PostgresServer.shared().createDatabase();
        String pgVersion = migrate(pgUrl, PostgresServer.USER, "classpath:db/postgresql");

        List<String> expected;
        try (var sqlite = DriverManager.getConnection(sqliteUrl)) {
            expected = sqliteFacts(sqlite);
        }
        List<String> actual;
        try (var pg = DriverManager.getConnection(pgUrl, PostgresServer.USER, "")) {
            actual = postgresFacts(pg);
        }
        assertThat(expected).as("the SQLite schema was read").anyMatch(f -> f.startsWith("column tickets#"));
        assertThat(actual).as("PostgreSQL schema facts, expected from SQLite").containsExactlyInAnyOrderElementsOf(expected);
        assertThat(pgVersion).as("both histories end at the same version").isEqualTo(sqliteVersion);
    }

    /**
     * The two translations that are more than a type name behave as on SQLite: events.ticket_id is computed from
     * the payload (a ticket's id, else a message's ticketId, else nothing), and usernames differing only in
     * case are one account. The SQLite answers are the expectation.
     */
    @Test
    void generatedTicketIdAndCaseInsensitiveUsernamesBehaveAsOnSqlite() throws Exception {
        String sqliteUrl = "jdbc:sqlite:" + folder.resolve("behaviour.db");
        migrate(sqliteUrl, null, "classpath:db/migration");
        String pgUrl = PostgresServer.shared().createDatabase();
        migrate(pgUrl, PostgresServer.USER, "classpath:db/postgresql");
        try (var sqlite = DriverManager.getConnection(sqliteUrl);
             var pg = DriverManager.getConnection(pgUrl, PostgresServer.USER, "")) {
            assertThat(behaviour(pg)).isEqualTo(behaviour(sqlite)).contains("7", "9", "null", "refused");
        }
    }

    private static List<String> behaviour(Connection c) throws SQLException {
        var seen = new ArrayList<String>();
        try (var s = c.createStatement()) {
            s.executeUpdate("INSERT INTO sites(id, name, time_zone) VALUES (1, 'North', 'Europe/Madrid')");
            s.executeUpdate("INSERT INTO events(site_id, seq, type, at, payload) VALUES "
                    + "(1, 1, 'ticket.issued', 0, '{\"ticket\":{\"id\":7,\"phone\":null}}'), "
                    + "(1, 2, 'sms.updated', 0, '{\"sms\":{\"ticketId\":9}}'), "
                    + "(1, 3, 'session.opened', 0, '{\"session\":{\"id\":4}}')");
            seen.addAll(strings(c, "SELECT coalesce(CAST(ticket_id AS TEXT), 'null') FROM events ORDER BY seq"));
            s.executeUpdate("INSERT INTO users(username, password_hash, roles, created_at, updated_at) "
                    + "VALUES ('Admin', 'h', 'admin', 0, 0)");
            try {
                s.executeUpdate("INSERT INTO users(username, password_hash, roles, created_at, updated_at) "
                        + "VALUES ('aDMIN', 'h', 'admin', 0, 0)");
                seen.add("accepted");
            } catch (SQLException e) {
                seen.add("refused");
            }
        }
        return seen;
    }

    private static String migrate(String url, String user, String location) {
        var flyway = Flyway.configure().dataSource(url, user, user == null ? null : "")
                .locations(location, COMMON).load();
        flyway.migrate();
        return flyway.info().current().getVersion().getVersion();
    }

    // --- SQLite: sqlite_schema and the PRAGMAs ---

    private static List<String> sqliteFacts(Connection c) throws SQLException {
        var facts = new ArrayList<String>();
        for (String table : strings(c, "SELECT name FROM sqlite_schema WHERE type = 'table' "
                + "AND name NOT LIKE 'sqlite_%' AND name <> 'flyway_schema_history' ORDER BY name")) {
            facts.add("table " + table);
            var columns = new ArrayList<String>();
            var primaryKey = new TreeSet<Map.Entry<Integer, String>>(Map.Entry.comparingByKey());
            try (var rows = c.createStatement().executeQuery("PRAGMA table_xinfo(" + table + ")")) {
                while (rows.next()) {
                    String name = rows.getString("name");
                    int pk = rows.getInt("pk");
                    columns.add(name);
                    if (pk > 0) {
                        primaryKey.add(Map.entry(pk, name));
                    }
                    // a key column never holds NULL (every TEXT key here is in a WITHOUT ROWID table)
                    boolean notNull = rows.getInt("notnull") == 1 || pk > 0;
                    facts.add(column(table, columns.size(), name, notNull, rows.getInt("hidden") >= 2));
                }
            }
            if (!primaryKey.isEmpty()) {
                facts.add("primary key " + table + "(" + String.join(", ", primaryKey.stream().map(Map.Entry::getValue).toList()) + ")");
            }
            sqliteIndexes(c, table, facts);
            sqliteForeignKeys(c, table, facts);
            String sql = strings(c, "SELECT sql FROM sqlite_schema WHERE type = 'table' AND name = '" + table + "'").get(0);
            for (String check : checks(sql)) {
                facts.add("check " + table + " " + tokens(check, columns, List.of()));
            }
            facts.addAll(rows(c, table));
        }
        return facts;
    }

    private static void sqliteIndexes(Connection c, String table, List<String> facts) throws SQLException {
        var indexes = new ArrayList<String[]>();
        try (var rows = c.createStatement().executeQuery("PRAGMA index_list(" + table + ")")) {
            while (rows.next()) {
                indexes.add(new String[] {rows.getString("name"), rows.getString("unique"), rows.getString("origin")});
            }
        }
        var columns = strings(c, "SELECT name FROM pragma_table_xinfo('" + table + "')");
        for (String[] index : indexes) {
            String name = index[0];
            boolean unique = "1".equals(index[1]);
            String origin = index[2];
            if (origin.equals("pk")) {
                continue;   // the primary key is its own fact
            }
            var keys = new ArrayList<String>();
            var collations = new ArrayList<String>();
            try (var rows = c.createStatement().executeQuery("PRAGMA index_xinfo(" + name + ")")) {
                while (rows.next()) {
                    if (rows.getInt("key") == 1) {
                        keys.add(rows.getString("name"));
                        collations.add(rows.getString("coll"));
                    }
                }
            }
            if (origin.equals("u") && keys.size() == 1 && collations.get(0).equalsIgnoreCase("NOCASE")) {
                // PostgreSQL counterpart of UNIQUE COLLATE NOCASE (docs/postgresql.md)
                facts.add(index(table + "_" + keys.get(0) + "_nocase", table, List.of("lower(" + keys.get(0) + ")"), true, null));
            } else if (origin.equals("u")) {
                facts.add("unique " + table + "(" + String.join(", ", keys) + ")");
            } else {
                String sql = strings(c, "SELECT sql FROM sqlite_schema WHERE type = 'index' AND name = '" + name + "'").get(0);
                Matcher where = Pattern.compile("\\bWHERE\\b(.*)$", Pattern.CASE_INSENSITIVE | Pattern.DOTALL).matcher(sql);
                String predicate = where.find() ? tokens(where.group(1), columns, PREDICATE_WORDS) : null;
                facts.add(index(name, table, keys, unique, predicate));
            }
        }
    }

    private static void sqliteForeignKeys(Connection c, String table, List<String> facts) throws SQLException {
        try (var rows = c.createStatement().executeQuery("PRAGMA foreign_key_list(" + table + ")")) {
            while (rows.next()) {
                // every foreign key here has one column
                facts.add(foreignKey(table, rows.getString("from"), rows.getString("table"), rows.getString("to"),
                        rows.getString("on_delete")));
            }
        }
    }

    /** The bodies of the CHECK constraints in a CREATE TABLE, found by balancing parentheses. */
    private static List<String> checks(String createTable) {
        var bodies = new ArrayList<String>();
        Matcher m = Pattern.compile("\\bCHECK\\s*\\(", Pattern.CASE_INSENSITIVE).matcher(createTable);
        while (m.find()) {
            int depth = 1;
            int i = m.end();
            while (depth > 0) {
                char ch = createTable.charAt(i++);
                depth += ch == '(' ? 1 : ch == ')' ? -1 : 0;
            }
            bodies.add(createTable.substring(m.end(), i - 1));
        }
        return bodies;
    }

    // --- PostgreSQL: the system catalogues ---

    private static List<String> postgresFacts(Connection c) throws SQLException {
        var facts = new ArrayList<String>();
        for (String table : strings(c, "SELECT c.relname FROM pg_class c WHERE c.relnamespace = current_schema()::regnamespace "
                + "AND c.relkind IN ('r', 'p') AND c.relname <> 'flyway_schema_history' ORDER BY 1")) {
            facts.add("table " + table);
            var columns = new ArrayList<String>();
            try (var s = c.prepareStatement("SELECT column_name, is_nullable, is_generated FROM information_schema.columns "
                    + "WHERE table_schema = current_schema() AND table_name = ? ORDER BY ordinal_position")) {
                s.setString(1, table);
                try (var rows = s.executeQuery()) {
                    while (rows.next()) {
                        columns.add(rows.getString(1));
                        facts.add(column(table, columns.size(), rows.getString(1), rows.getString(2).equals("NO"),
                                rows.getString(3).equals("ALWAYS")));
                    }
                }
            }
            postgresIndexes(c, table, columns, facts);
            try (var s = c.prepareStatement("""
                    SELECT (SELECT string_agg(a.attname, ', ' ORDER BY k.n) FROM unnest(f.conkey) WITH ORDINALITY k(att, n)
                              JOIN pg_attribute a ON a.attrelid = f.conrelid AND a.attnum = k.att),
                           r.relname,
                           (SELECT string_agg(a.attname, ', ' ORDER BY k.n) FROM unnest(f.confkey) WITH ORDINALITY k(att, n)
                              JOIN pg_attribute a ON a.attrelid = f.confrelid AND a.attnum = k.att),
                           f.confdeltype
                      FROM pg_constraint f JOIN pg_class r ON r.oid = f.confrelid
                     WHERE f.contype = 'f' AND f.conrelid = to_regclass(?)""")) {
                s.setString(1, table);
                try (var rows = s.executeQuery()) {
                    while (rows.next()) {
                        facts.add(foreignKey(table, rows.getString(1), rows.getString(2), rows.getString(3),
                                PG_DELETE_RULES.get(rows.getString(4))));
                    }
                }
            }
            try (var s = c.prepareStatement(
                    "SELECT pg_get_constraintdef(oid) FROM pg_constraint WHERE contype = 'c' AND conrelid = to_regclass(?)")) {
                s.setString(1, table);
                try (var rows = s.executeQuery()) {
                    while (rows.next()) {
                        facts.add("check " + table + " " + tokens(rows.getString(1), columns, List.of()));
                    }
                }
            }
            facts.addAll(rows(c, table));
        }
        return facts;
    }

    private static void postgresIndexes(Connection c, String table, List<String> columns, List<String> facts)
            throws SQLException {
        try (var s = c.prepareStatement("""
                SELECT i.relname, x.indisunique, x.indisprimary, pg_get_expr(x.indpred, x.indrelid), x.indnkeyatts,
                       x.indexrelid, EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = x.indexrelid AND k.contype = 'u')
                  FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid
                 WHERE x.indrelid = to_regclass(?)""")) {
            s.setString(1, table);
            try (var rows = s.executeQuery()) {
                while (rows.next()) {
                    var keys = new ArrayList<String>();
                    try (var k = c.prepareStatement("SELECT pg_get_indexdef(?, g, true) FROM generate_series(1, ?) g ORDER BY g")) {
                        k.setLong(1, rows.getLong(6));
                        k.setInt(2, rows.getInt(5));
                        try (var defs = k.executeQuery()) {
                            while (defs.next()) {
                                keys.add(defs.getString(1).replace("\"", ""));
                            }
                        }
                    }
                    String predicate = rows.getString(4);
                    if (rows.getBoolean(3)) {
                        facts.add("primary key " + table + "(" + String.join(", ", keys) + ")");
                    } else if (rows.getBoolean(7)) {
                        facts.add("unique " + table + "(" + String.join(", ", keys) + ")");
                    } else {
                        facts.add(index(rows.getString(1), table, keys, rows.getBoolean(2),
                                predicate == null ? null : tokens(predicate, columns, PREDICATE_WORDS)));
                    }
                }
            }
        }
    }

    // --- facts, the same words for both stores ---

    private static String column(String table, int position, String name, boolean notNull, boolean generated) {
        return "column " + table + "#" + position + " " + name + (notNull ? " NOT NULL" : " NULL") + (generated ? " GENERATED" : "");
    }

    private static String index(String name, String table, List<String> keys, boolean unique, String predicate) {
        return "index " + name + " ON " + table + "(" + String.join(", ", keys) + ")" + (unique ? " UNIQUE" : "")
                + (predicate == null ? "" : " WHERE " + predicate);
    }

    private static String foreignKey(String table, String from, String parent, String to, String onDelete) {
        return "foreign key " + table + "(" + from + ") REFERENCES " + parent + "(" + to + ") ON DELETE " + onDelete;
    }

    /**
     * What an expression mentions, in sorted order: the table's columns, string literals, numbers and the given
     * keywords (each occurrence, for a predicate; each column once, for a CHECK). Type casts PostgreSQL adds
     * ({@code 'x'::text}) are dropped first.
     */
    private static String tokens(String expression, List<String> columns, List<String> words) {
        var found = new ArrayList<String>();
        Matcher m = TOKEN.matcher(CAST.matcher(expression).replaceAll(""));
        while (m.find()) {
            String t = m.group();
            String word = t.toLowerCase(Locale.ROOT);
            if (t.startsWith("'") || Character.isDigit(t.charAt(0))) {
                found.add(t);
            } else if (columns.contains(word) || words.contains(word)) {
                found.add(word);
            }
        }
        found.sort(null);
        // PostgreSQL stores `x BETWEEN a AND b` as `x >= a AND x <= b`: a column counts once in a CHECK
        return (words.isEmpty() ? new TreeSet<>(found) : found).toString();
    }

    /** Seed rows: every row of a table, by content. */
    private static List<String> rows(Connection c, String table) throws SQLException {
        var rows = new ArrayList<String>();
        try (ResultSet r = c.createStatement().executeQuery("SELECT * FROM " + table)) {
            int n = r.getMetaData().getColumnCount();
            while (r.next()) {
                var values = new ArrayList<String>();
                for (int i = 1; i <= n; i++) {
                    values.add(r.getString(i));
                }
                rows.add("row " + table + " " + values);
            }
        }
        return rows;
    }

    private static List<String> strings(Connection c, String sql) throws SQLException {
        var values = new ArrayList<String>();
        try (var rows = c.createStatement().executeQuery(sql)) {
            while (rows.next()) {
                values.add(rows.getString(1));
            }
        }
        return values;
    }
}
