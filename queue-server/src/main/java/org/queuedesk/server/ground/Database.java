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
 * The store: a SQLite file (the embedded default) or a PostgreSQL database ({@link #openPostgres}), and the one
 * path by which anything is written to it.
 *
 * <p>All writes go through one writer thread ({@link GroupCommitWriter}) that runs them in
 * {@code BEGIN IMMEDIATE} transactions: SQLite has a single writer anyway, and taking the write lock up
 * front means a read-then-write transaction can never fail with SQLITE_BUSY half way. Writes that queue up
 * while a commit is being made share the next commit (one fsync for many requests). Reads run in
 * autocommit on pooled connections and, under WAL, never wait for the writer.
 *
 * <p>On PostgreSQL there is no writer thread: each write is a transaction of its own on the caller's thread
 * ({@link TransactionPerWrite}), and the DAOs' row locks and atomic statements keep concurrent writes correct.
 * Both run the same Flyway history: {@code db/common} holds what runs on both, {@code db/migration} SQLite's
 * own scripts, {@code db/postgresql} PostgreSQL's.
 */
public final class Database implements AutoCloseable {

    private final HikariDataSource dataSource;
    private final Jdbi jdbi;
    private final Dialect dialect;
    /** SQLite's single writer; null on PostgreSQL. */
    private final GroupCommitWriter writer;
    /** PostgreSQL's writes; null on SQLite. */
    private final TransactionPerWrite transactions;
    private final Path file;
    private final DatabaseCopy copy;
    /** SQLite's background checkpoints; null on PostgreSQL. */
    private final WalCheckpointer checkpointer;

    private Database(Path file, HikariDataSource dataSource, Dialect dialect, SQLiteConfig sqlite) {
        this.file = file;
        this.dialect = dialect;
        this.copy = file == null ? null : new DatabaseCopy(file);
        this.dataSource = dataSource;
        this.jdbi = Jdbi.create(dataSource).installPlugin(new SqlObjectPlugin());
        jdbi.getConfig(SqlStatements.class).setUnusedBindingAllowed(false);
        jdbi.getConfig(StatementExceptions.class).setMessageRendering(Database::withoutParameters);
        JdbiTypes.register(jdbi);
        dialect.applyTo(jdbi);
        this.checkpointer = dialect == Dialect.SQLITE ? new WalCheckpointer(file, sqlite) : null;
        this.writer = dialect == Dialect.SQLITE ? new GroupCommitWriter(jdbi, checkpointer) : null;
        // about half the pool for writes: reads, the event feed and the single-instance jobs need the rest
        this.transactions = dialect == Dialect.POSTGRESQL
                ? new TransactionPerWrite(jdbi, dataSource.getMaximumPoolSize() / 2) : null;
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
        return migrated(dataSource, file, Dialect.SQLITE, sqliteConfig(settings), "classpath:db/migration");
    }

    /** Connects to a PostgreSQL database (which must exist; its schema is created or brought up to date). */
    public static Database openPostgres(PostgresSettings settings) {
        var pool = new HikariConfig();
        pool.setJdbcUrl(settings.url());
        pool.setUsername(settings.user());
        pool.setPassword(settings.password());
        pool.setPoolName("queuedesk-postgresql");
        pool.setMaximumPoolSize(settings.poolSize());
        pool.setMinimumIdle(2);
        pool.setConnectionTimeout(10_000);
        return migrated(new HikariDataSource(pool), null, Dialect.POSTGRESQL, null, "classpath:db/postgresql");
    }

    private static Database migrated(HikariDataSource dataSource, Path file, Dialect dialect, SQLiteConfig sqlite,
                                     String ownScripts) {
        try {
            Flyway.configure()
                    .dataSource(dataSource)
                    .locations(ownScripts, "classpath:db/common")
                    .failOnMissingLocations(false)
                    .load()
                    .migrate();
            return new Database(file, dataSource, dialect, sqlite);
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
        if (transactions != null) {
            return transactions.write(work);
        }
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
        if (transactions != null) {
            // the same families as SQLite's writer: writes waiting for a connection, and "batches" of one commit
            Gauge.builder("queuedesk.writer.queued", transactions, TransactionPerWrite::waiting)
                    .description("Writes waiting for a connection to start their transaction")
                    .register(registry);
            io.micrometer.core.instrument.FunctionCounter.builder("queuedesk.writer.retries", transactions,
                            TransactionPerWrite::retries)
                    .description("Writes run again after a serialization failure or deadlock")
                    .register(registry);
            transactions.onCommitted(committedBatches(registry)::record);
            io.micrometer.core.instrument.FunctionCounter.builder("queuedesk.writer.statements", transactions,
                            TransactionPerWrite::statementsRun)
                    .description("Statements the writes have run (how many a request takes: tests, profiles)")
                    .register(registry);
            return;
        }
        Gauge.builder("queuedesk.writer.queued", writer, GroupCommitWriter::queued)
                .description("Writes waiting for the single writer thread")
                .register(registry);
        writer.onCommittedBatch(committedBatches(registry)::record);
        var commits = io.micrometer.core.instrument.Timer.builder("queuedesk.writer.commit")
                .description("How long the single writer's COMMIT took: the log's sync, and a checkpoint if it made one")
                .publishPercentileHistogram()
                .minimumExpectedValue(java.time.Duration.ofMillis(1))
                .maximumExpectedValue(java.time.Duration.ofSeconds(10))
                .register(registry);
        writer.onCommitTime(nanos -> commits.record(nanos, java.util.concurrent.TimeUnit.NANOSECONDS));
        io.micrometer.core.instrument.FunctionCounter.builder("queuedesk.writer.checkpoints", checkpointer,
                        WalCheckpointer::checkpoints)
                .description("Checkpoints of SQLite's log made off the writer thread")
                .register(registry);
        io.micrometer.core.instrument.FunctionCounter.builder("queuedesk.writer.statements", writer,
                        GroupCommitWriter::statementsRun)
                .description("Statements the single writer thread has run (how many a request takes: tests, profiles)")
                .register(registry);
    }

    private static DistributionSummary committedBatches(MeterRegistry registry) {
        return DistributionSummary.builder("queuedesk.writer.batch.size")
                .description("Writes committed together in one group commit (always 1 on PostgreSQL)")
                .serviceLevelObjectives(1, 2, 4, 8, 16, 32, 64)
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
        if (dialect != Dialect.SQLITE) {
            return; // PostgreSQL's own vacuum reclaims dead rows
        }
        read(h -> h.createQuery("PRAGMA wal_checkpoint(TRUNCATE)").mapToMap().list());
    }

    /**
     * Whether a background checkpoint has copied every commit made so far into the SQLite file (tests); always
     * true on PostgreSQL.
     */
    public boolean checkpointedEveryCommit() {
        return checkpointer == null || checkpointer.checkpointedThrough() >= checkpointer.commits();
    }

    /**
     * Writes a consistent copy of the database to {@code target} (a new file) while the server keeps serving,
     * at the given pace; see {@link DatabaseCopy}.
     */
    public void copyTo(Path target, DatabaseCopy.Pace pace) throws java.io.IOException {
        if (copy == null) {
            throw new UnsupportedOperationException("A PostgreSQL store is backed up with PostgreSQL's own tools");
        }
        copy.copyTo(target, pace);
    }

    public Jdbi jdbi() {
        return jdbi;
    }

    /** The SQLite file; null on PostgreSQL. */
    public Path file() {
        return file;
    }

    public Dialect dialect() {
        return dialect;
    }

    public String schemaVersion() {
        return read(h -> h.createQuery(
                        "SELECT version FROM flyway_schema_history WHERE success ORDER BY installed_rank DESC LIMIT 1")
                .mapTo(String.class)
                .findOne()
                .orElse("none"));
    }

    @Override
    public void close() {
        if (writer != null) {
            writer.close();
        }
        if (checkpointer != null) {
            checkpointer.close();
        }
        if (transactions != null) {
            transactions.close();
        }
        dataSource.close();
        if (copy != null) {
            copy.close(); // after SQLite's connections: see DatabaseCopy on POSIX locks
        }
    }
}
