package org.queuedesk.server.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real PostgreSQL server for the tests: Debian's binaries ({@code test.sh} installs {@code postgresql}), a
 * throwaway cluster in a temporary folder on a free port, started once per test JVM and stopped when it
 * exits. Each test gets a database of its own ({@link #createDatabase}). Not H2, not a mock: the same
 * server a hospital runs.
 *
 * <p>PostgreSQL refuses to run as root, and CI runs as root: there every command runs as the {@code postgres}
 * system user the Debian package creates. A cluster left behind by a JVM that was killed is stopped and
 * removed by the next one (its owner's pid is written beside it).
 */
public final class PostgresServer {

    public static final String USER = "queuedesk";
    private static final String PREFIX = "queuedesk-pg-";
    private static PostgresServer shared;

    private final Path binDir;
    private final Path dataDir;
    private final int port;
    private final boolean asPostgresUser;
    private final String settings;
    private final AtomicInteger databases = new AtomicInteger();

    private PostgresServer(Path binDir, Path dataDir, int port, boolean asPostgresUser, String settings) {
        this.binDir = binDir;
        this.dataDir = dataDir;
        this.port = port;
        this.asPostgresUser = asPostgresUser;
        this.settings = settings;
    }

    /** Durability settings off: the tests check the server's logic, not PostgreSQL's crash safety. */
    private static final String FOR_TESTS = "-c fsync=off -c synchronous_commit=off -c full_page_writes=off";
    /** PostgreSQL's defaults, as docs/postgresql.md asks of a hospital's server: every commit flushed. */
    private static final String DURABLE = "-c fsync=on -c synchronous_commit=on -c full_page_writes=on";
    /**
     * More settings for a profiling run, e.g. {@code -Dqueuedesk.test.pgSettings="-c shared_preload_libraries=
     * pg_stat_statements"} (bench/PostgresStatementsProbe); nothing by default.
     */
    private static final String EXTRA = " " + System.getProperty("queuedesk.test.pgSettings", "");

    /** The server of this JVM, started on first use. */
    public static synchronized PostgresServer shared() {
        if (shared == null) {
            shared = start(FOR_TESTS + EXTRA);
            Runtime.getRuntime().addShutdownHook(new Thread(shared::stop, "postgres-stop"));
        }
        return shared;
    }

    /**
     * A server of its own with durable commits ({@code fsync} and {@code synchronous_commit} on), for benchmarks
     * whose figures must hold for a real installation; stopped when the JVM exits.
     */
    public static PostgresServer startDurable() {
        var server = start(DURABLE + EXTRA);
        Runtime.getRuntime().addShutdownHook(new Thread(server::stop, "postgres-stop"));
        return server;
    }

    /** The settings the server was started with (its durability), for a benchmark's report. */
    public String settings() {
        return settings;
    }

    /** The postmaster's process id (its backends are its children), for the CPU a benchmark's load costs it. */
    public long pid() {
        try {
            return Long.parseLong(Files.readAllLines(dataDir.resolve("data").resolve("postmaster.pid")).get(0).strip());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public int port() {
        return port;
    }

    /** The JDBC URL of a database, e.g. {@code postgres}. */
    public String url(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    /** Creates an empty database of its own for one test (or one group of server instances) and returns its URL. */
    public String createDatabase() {
        String name = "qd_" + ProcessHandle.current().pid() + "_" + databases.incrementAndGet();
        try (var connection = DriverManager.getConnection(url("postgres"), USER, "");
             var statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create test database " + name, e);
        }
        return url(name);
    }

    private static PostgresServer start(String durability) {
        try {
            Path binDir = binDir();
            boolean root = "0".equals(run(List.of("id", "-u"), null).strip());
            removeAbandonedClusters(binDir, root);
            Path dataDir = Files.createTempDirectory(PREFIX);
            Files.writeString(dataDir.resolve("owner.pid"), Long.toString(ProcessHandle.current().pid()));
            Path cluster = dataDir.resolve("data");
            if (root) {
                run(List.of("chown", "-R", "postgres:", dataDir.toString()), null);
            }
            int port = freePort();
            var server = new PostgresServer(binDir, dataDir, port, root, durability);
            server.pg("initdb", "-D", cluster.toString(), "-U", USER, "-A", "trust", "-E", "UTF8", "--no-locale",
                    "--no-sync");
            String options = "-p " + port + " -c listen_addresses=127.0.0.1 -k " + dataDir + " " + durability
                    + " -c max_connections=400";
            server.pg("pg_ctl", "start", "-w", "-t", "60", "-D", cluster.toString(), "-l",
                    dataDir.resolve("server.log").toString(), "-o", options);
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start PostgreSQL for the tests", e);
        }
    }

    private void stop() {
        try {
            pg("pg_ctl", "stop", "-m", "immediate", "-D", dataDir.resolve("data").toString());
            deleteTree(dataDir);
        } catch (IOException | RuntimeException e) {
            System.err.println("Could not stop the tests' PostgreSQL in " + dataDir + ": " + e.getMessage());
        }
    }

    /** Stops and removes clusters whose JVM is gone (killed before its shutdown hook ran). */
    private static void removeAbandonedClusters(Path binDir, boolean root) throws IOException {
        Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
        try (var dirs = Files.list(tmp)) {
            for (Path dir : dirs.filter(d -> d.getFileName().toString().startsWith(PREFIX)).toList()) {
                Path owner = dir.resolve("owner.pid");
                if (!Files.exists(owner)) {
                    continue;
                }
                long pid = Long.parseLong(Files.readString(owner).strip());
                if (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
                    continue;
                }
                var abandoned = new PostgresServer(binDir, dir, 0, root, "");
                abandoned.stop();
            }
        }
    }

    private void pg(String program, String... args) throws IOException {
        var command = new ArrayList<String>();
        if (asPostgresUser) {
            command.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        command.add(binDir.resolve(program).toString());
        command.addAll(List.of(args));
        run(command, dataDir);
    }

    private static String run(List<String> command, Path workDir) throws IOException {
        var builder = new ProcessBuilder(command).redirectErrorStream(true);
        if (workDir != null) {
            builder.directory(workDir.toFile());
        }
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes());
        try {
            if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IOException(String.join(" ", command) + " failed:\n" + output);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted while running " + command, e);
        }
        return output;
    }

    /** {@code QUEUEDESK_PG_BIN}, else the newest Debian PostgreSQL under /usr/lib/postgresql. */
    private static Path binDir() throws IOException {
        String configured = System.getenv("QUEUEDESK_PG_BIN");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        Path debian = Path.of("/usr/lib/postgresql");
        if (Files.isDirectory(debian)) {
            try (var versions = Files.list(debian)) {
                var newest = versions.filter(v -> Files.isExecutable(v.resolve("bin/postgres")))
                        .max(Comparator.comparingInt(v -> Integer.parseInt(v.getFileName().toString().replaceAll("\\D", "0"))));
                if (newest.isPresent()) {
                    return newest.get().resolve("bin");
                }
            }
        }
        throw new IllegalStateException("No PostgreSQL server found under /usr/lib/postgresql: run ./test.sh, which"
                + " installs Debian's postgresql, or set QUEUEDESK_PG_BIN to its bin folder");
    }

    private static int freePort() throws IOException {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (var paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
