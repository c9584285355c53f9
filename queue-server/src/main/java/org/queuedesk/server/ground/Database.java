package org.queuedesk.server.ground;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.file.Path;
import java.util.function.Function;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.SqlStatements;
import org.jdbi.v3.core.statement.StatementException;
import org.jdbi.v3.core.statement.StatementExceptions;
import org.jdbi.v3.sqlobject.SqlObjectPlugin;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * The SQLite file and the one path by which anything is written to it.
 *
 * <p>All writes go through one writer thread ({@link GroupCommitWriter}) that runs them in
 * {@code BEGIN IMMEDIATE} transactions: SQLite has a single writer anyway, and taking the write lock up
 * front means a read-then-write transaction can never fail with SQLITE_BUSY half way. Writes that queue up
 * while a commit is being made share the next commit (one fsync for many requests). Reads run in
 * autocommit on pooled connections and, under WAL, never wait for the writer.
 */
public final class Database implements AutoCloseable {

    private final HikariDataSource dataSource;
    private final Jdbi jdbi;
    private final GroupCommitWriter writer;
    private final Path file;
    private final DatabaseCopy copy;

    private Database(Path file, HikariDataSource dataSource) {
        this.file = file;
        this.copy = new DatabaseCopy(file);
        this.dataSource = dataSource;
        this.jdbi = Jdbi.create(dataSource).installPlugin(new SqlObjectPlugin());
        jdbi.getConfig(SqlStatements.class).setUnusedBindingAllowed(false);
        jdbi.getConfig(StatementExceptions.class).setMessageRendering(Database::withoutParameters);
        JdbiTypes.register(jdbi);
        this.writer = new GroupCommitWriter(jdbi);
    }

    /**
     * A failed statement's message names the statement but not its bound values: Jdbi's default lists them,
     * and they include patients' names and phone numbers, which would then reach the log with the stack trace.
     */
    static String withoutParameters(StatementException e) {
        var context = e.getStatementContext();
        String sql = context == null ? null : context.getRawSql();
        if (sql == null) {
            return e.getShortMessage();
        }
        String oneLine = sql.strip().replaceAll("\\s+", " ");
        String shortened = oneLine.length() > 200 ? oneLine.substring(0, 200) + "…" : oneLine;
        return e.getShortMessage() + " [statement: \"" + shortened + "\"]";
    }

    /** Opens (creating if needed) the database file and brings its schema up to date. */
    public static Database open(Path file, SqliteSettings settings) {
        var dataSource = new HikariDataSource(poolConfig(file, settings));
        try {
            Flyway.configure()
                    .dataSource(dataSource)
                    .locations("classpath:db/migration")
                    .load()
                    .migrate();
            return new Database(file, dataSource);
        } catch (RuntimeException e) {
            dataSource.close();
            throw e;
        }
    }

    /** Connection pragmas are passed as connection properties, so every pooled connection gets all of them. */
    static SQLiteConfig sqliteConfig(SqliteSettings settings) {
        var config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.setSynchronous(settings.synchronous());
        config.enforceForeignKeys(true);
        config.setBusyTimeout(settings.busyTimeoutMillis());
        config.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
        config.setDateClass("INTEGER");
        // a purged name or number is overwritten with zeros, not left in a free page of the file
        config.setPragma(SQLiteConfig.Pragma.SECURE_DELETE, "true");
        return config;
    }

    private static HikariConfig poolConfig(Path file, SqliteSettings settings) {
        var sqlite = new SQLiteDataSource(sqliteConfig(settings));
        sqlite.setUrl("jdbc:sqlite:" + file.toAbsolutePath());
        var pool = new HikariConfig();
        pool.setDataSource(sqlite);
        pool.setPoolName("queuedesk-sqlite");
        pool.setMaximumPoolSize(settings.poolSize());
        pool.setMinimumIdle(2);
        pool.setConnectionTimeout(10_000);
        return pool;
    }

    /**
     * Runs {@code work} as part of the next group commit and returns its result once that commit is durable.
     * Each piece of work runs inside its own savepoint, so a refusal (an exception) undoes only that work and
     * reaches only its caller. After-commit actions (such as publishing events) run once the commit
     * succeeded, in commit order. Called from inside a write, it joins that write's transaction.
     */
    public <R> R write(Function<WriteTransaction, R> work) {
        if (Thread.currentThread() == writer.thread()) {
            return writer.nested(work);
        }
        return writer.submit(work);
    }

    /**
     * Publishes the connection pool (Hikari's own {@code hikaricp_connections_*}), the writer's queue depth
     * ({@code queuedesk_writer_queued}), the size of each group commit ({@code queuedesk_writer_batch_size}) and the
     * statements it ran ({@code queuedesk_writer_statements_total}).
     * Once per database: Hikari takes one registry.
     */
    public void bindMetrics(MeterRegistry registry) {
        dataSource.setMetricRegistry(registry);
        Gauge.builder("queuedesk.writer.queued", writer, GroupCommitWriter::queued)
                .description("Writes waiting for the single writer thread")
                .register(registry);
        var batches = DistributionSummary.builder("queuedesk.writer.batch.size")
                .description("Writes committed together in one group commit")
                .serviceLevelObjectives(1, 2, 4, 8, 16, 32, 64)
                .register(registry);
        writer.onCommittedBatch(batches::record);
        io.micrometer.core.instrument.FunctionCounter.builder("queuedesk.writer.statements", writer,
                        GroupCommitWriter::statementsRun)
                .description("Statements the single writer thread has run (how many a request takes: tests, profiles)")
                .register(registry);
    }

    /** Runs a read in autocommit mode; under WAL it sees the last committed state and never blocks writers. */
    public <R> R read(Function<Handle, R> work) {
        return jdbi.withHandle(work::apply);
    }

    /**
     * Copies the write-ahead log into the database file and empties it. After a purge this removes the
     * earlier versions of purged rows, which the log would otherwise keep until they happen to be
     * overwritten. Writers wait while it runs (a few milliseconds for a log of normal size).
     */
    public void checkpoint() {
        read(h -> h.createQuery("PRAGMA wal_checkpoint(TRUNCATE)").mapToMap().list());
    }

    /**
     * Writes a consistent copy of the database to {@code target} (a new file) while the server keeps serving,
     * at the given pace; see {@link DatabaseCopy}.
     */
    public void copyTo(Path target, DatabaseCopy.Pace pace) throws java.io.IOException {
        copy.copyTo(target, pace);
    }

    public Jdbi jdbi() {
        return jdbi;
    }

    public Path file() {
        return file;
    }

    public String schemaVersion() {
        return read(h -> h.createQuery(
                        "SELECT version FROM flyway_schema_history WHERE success = 1 ORDER BY installed_rank DESC LIMIT 1")
                .mapTo(String.class)
                .findOne()
                .orElse("none"));
    }

    @Override
    public void close() {
        writer.close();
        dataSource.close();
        copy.close(); // after SQLite's connections: see DatabaseCopy on POSIX locks
    }
}
