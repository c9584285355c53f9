package org.queuedesk.server.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.queuedesk.server.app.QueueServer;

/**
 * Each table has one owner ({@code architecture/table-owners.csv}): only the owner's package writes it or
 * reads it as a statement's main table; other features call the owner. The SQL is read from the compiled
 * main classes (every string constant: DAO annotations, text blocks with their constants folded in, and
 * literals given to {@code createQuery}) and from the main resources, so no way of writing SQL escapes it.
 */
class TableOwnershipTest {

    private static final String PREFIX = "org/queuedesk/server/";
    private static final Pattern STATEMENT = Pattern.compile("\\b(SELECT|INSERT|UPDATE|DELETE|REPLACE)\\b");
    /** A parenthesis, or a keyword followed by a table name (SQL keywords here are upper case, names lower). */
    private static final Pattern TOKEN = Pattern.compile(
            "[()]|\\b(INSERT(?:\\s+OR\\s+[A-Z]+)?\\s+INTO|REPLACE\\s+INTO|UPDATE|DELETE\\s+FROM|FROM|JOIN)\\s+([a-z_][a-z0-9_]*)");

    @Test
    void everyTableInTheSchemaHasOneOwner() throws IOException {
        Map<String, String> owners = owners();
        Set<String> schema = schemaTables();

        assertThat(schema).as("tables of the migrations without a line in table-owners.csv")
                .isSubsetOf(owners.keySet());
    }

    @Test
    void onlyItsOwnerWritesATableOrReadsItAsTheMainTable() throws IOException {
        Map<String, String> owners = owners();
        var violations = new TreeSet<String>();
        var unknown = new TreeSet<String>();
        var picture = new TreeMap<String, Set<String>>();
        for (Sql sql : mainSql()) {
            for (TableUse use : uses(sql.text())) {
                picture.computeIfAbsent(use.table(), t -> new TreeSet<>())
                        .add(sql.feature() + (use.ownerOnly() ? "" : " (joined)"));
                String owner = owners.get(use.table());
                if (owner == null) {
                    unknown.add(sql.place() + " touches " + use.table() + ", which has no owner in table-owners.csv");
                } else if (use.ownerOnly() && !owner.equals(sql.feature())) {
                    violations.add(sql.place() + " touches " + use.table() + ", owned by " + owner);
                }
            }
        }

        // which packages touch which table, kept for a reader of the build
        Path out = Path.of("target", "architecture", "table-uses.txt");
        Files.createDirectories(out.getParent());
        Files.writeString(out, picture.entrySet().stream().map(e -> e.getKey() + ": " + String.join(", ", e.getValue()))
                .collect(Collectors.joining("\n", "", "\n")));

        assertThat(unknown).as("SQL naming a table that table-owners.csv does not know").isEmpty();
        assertThat(violations).as("SQL outside the owner of its table (call the owner's DAO or a port it implements)")
                .isEmpty();
    }

    /** The ground's plumbing reads Flyway's own table; every feature keeps its SQL in a DAO. */
    @Test
    void aFeaturesSqlLivesInItsDao() throws IOException {
        var outside = new TreeSet<String>();
        for (Sql sql : mainSql()) {
            boolean namesATable = !uses(sql.text()).isEmpty();
            boolean inDao = sql.place().endsWith("Dao") || sql.place().endsWith(".sql");
            if (namesATable && !inDao && !sql.feature().equals("ground")) {
                outside.add(sql.place());
            }
        }

        assertThat(outside).as("classes with SQL that are not a DAO").isEmpty();
    }

    @Test
    void theScanSeesWhatItMustSee() {
        assertThat(uses("UPDATE tickets SET state = :s WHERE id IN (SELECT ticket_id FROM ticket_events)"))
                .containsExactly(new TableUse("tickets", true), new TableUse("ticket_events", false));
        assertThat(uses("SELECT max(seq, (SELECT max(seq) FROM events)) FROM sites s JOIN rooms r ON r.site_id = s.id"))
                .containsExactly(new TableUse("events", false), new TableUse("sites", true), new TableUse("rooms", false));
        assertThat(uses("INSERT INTO sms_opt_outs(phone_hash) SELECT :h FROM sms_opt_outs ON CONFLICT DO UPDATE SET x = 1"))
                .containsExactly(new TableUse("sms_opt_outs", true), new TableUse("sms_opt_outs", true));
        assertThat(uses("DELETE FROM ticket_tokens WHERE ticket_id IN (<ids>)"))
                .containsExactly(new TableUse("ticket_tokens", true));
    }

    /** Writes and main-table reads are the owner's alone; a JOIN or a sub-select only reads, for the main table's owner. */
    record TableUse(String table, boolean ownerOnly) {
    }

    static List<TableUse> uses(String sql) {
        var uses = new ArrayList<TableUse>();
        int depth = 0;
        Matcher m = TOKEN.matcher(sql);
        while (m.find()) {
            switch (m.group()) {
                case "(" -> depth++;
                case ")" -> depth--;
                default -> {
                    String keyword = m.group(1);
                    boolean read = keyword.equals("FROM") || keyword.equals("JOIN");
                    boolean main = keyword.equals("FROM") && depth == 0;
                    uses.add(new TableUse(m.group(2), !read || main));
                }
            }
        }
        return uses;
    }

    /** One SQL text and where it is: {@code feature/Class}. */
    record Sql(String feature, String place, String text) {
    }

    private static List<Sql> mainSql() throws IOException {
        Path classes = mainClasses();
        var found = new ArrayList<Sql>();
        try (Stream<Path> files = Files.walk(classes)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                String relative = classes.relativize(file).toString().replace('\\', '/');
                if (!relative.startsWith(PREFIX)) {
                    continue;
                }
                String inFeature = relative.substring(PREFIX.length());
                String feature = inFeature.contains("/") ? inFeature.substring(0, inFeature.indexOf('/')) : "";
                if (relative.endsWith(".class")) {
                    String place = inFeature.replaceAll("\\$.*|\\.class$", "");
                    for (String text : stringConstants(file)) {
                        if (STATEMENT.matcher(text).find()) {
                            found.add(new Sql(feature, place, text));
                        }
                    }
                } else if (relative.endsWith(".sql")) {
                    found.add(new Sql(feature, inFeature, Files.readString(file)));
                }
            }
        }
        assertThat(found).as("SQL found in the main classes").hasSizeGreaterThan(50);
        return found;
    }

    /** The texts of a class file's constant pool: every string the class was compiled with. */
    static Set<String> stringConstants(Path classFile) throws IOException {
        var texts = new LinkedHashSet<String>();
        try (var in = new DataInputStream(Files.newInputStream(classFile))) {
            in.readInt(); // magic
            in.readUnsignedShort();
            in.readUnsignedShort();
            int count = in.readUnsignedShort();
            for (int i = 1; i < count; i++) {
                int tag = in.readUnsignedByte();
                switch (tag) {
                    case 1 -> texts.add(in.readUTF());
                    case 7, 8, 16, 19, 20 -> in.skipBytes(2);
                    case 15 -> in.skipBytes(3);
                    case 3, 4, 9, 10, 11, 12, 17, 18 -> in.skipBytes(4);
                    case 5, 6 -> {
                        in.skipBytes(8);
                        i++; // takes two entries
                    }
                    default -> throw new IllegalStateException("Unknown constant tag " + tag + " in " + classFile);
                }
            }
        }
        return texts;
    }

    private static Path mainClasses() {
        try {
            return Path.of(QueueServer.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The tables the migrations leave, in their final names. */
    private static Set<String> schemaTables() throws IOException {
        // SQLite's own scripts and those both stores share, in version order (PostgreSQL's baseline has the same tables)
        var tables = new TreeSet<String>();
        try (Stream<Path> files = Stream.concat(Files.list(mainClasses().resolve("db/migration")),
                Files.list(mainClasses().resolve("db/common")))) {
            // db/common also holds its README
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".sql"))
                    .sorted(TableOwnershipTest::byVersion).toList()) {
                String sql = Files.readString(file);
                Matcher m = Pattern.compile("(?i)CREATE TABLE (\\w+)|DROP TABLE (\\w+)|ALTER TABLE (\\w+) RENAME TO (\\w+)")
                        .matcher(sql);
                while (m.find()) {
                    if (m.group(1) != null) {
                        tables.add(m.group(1));
                    } else if (m.group(2) != null) {
                        tables.remove(m.group(2));
                    } else {
                        tables.remove(m.group(3));
                        tables.add(m.group(4));
                    }
                }
            }
        }
        assertThat(tables).as("tables of the migrations").contains("tickets", "sms_outbox");
        return tables;
    }

    private static int byVersion(Path a, Path b) {
        return version(a).compareTo(version(b));
    }

    /** {@code V5_1__x.sql} → 5.1, compared part by part. */
    private static java.math.BigDecimal version(Path file) {
        String v = file.getFileName().toString().replaceAll("^V([0-9_]+)__.*", "$1");
        String[] parts = v.split("_");
        return new java.math.BigDecimal(parts[0] + (parts.length > 1 ? "." + parts[1] : ""));
    }

    private static Map<String, String> owners() throws IOException {
        try (InputStream in = TableOwnershipTest.class.getResourceAsStream("/architecture/table-owners.csv")) {
            if (in == null) {
                throw new UncheckedIOException(new IOException("architecture/table-owners.csv is missing"));
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .map(String::strip)
                    .filter(line -> !line.isEmpty() && !line.startsWith("#") && !line.equals("table,owner"))
                    .map(line -> line.split(","))
                    .collect(Collectors.toMap(cols -> cols[0].strip(), cols -> cols[1].strip(), (a, b) -> {
                        throw new IllegalStateException("a table listed twice in table-owners.csv");
                    }, TreeMap::new));
        }
    }
}
