package org.queuedesk.server.ground;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One instance at a time per job on PostgreSQL: the job's session-level advisory lock
 * ({@code pg_try_advisory_lock}), taken on a connection of its own (not from the pool, where a lock would stay
 * with whichever request got the connection next) and held while this instance leads. The lock goes with the
 * session, so an instance that dies or loses its connection leaves the job to the others at once, with nothing
 * to expire: the next run of any other instance takes it. Each run checks the connection first; a lost one is
 * lost leadership, and the next run tries again on a new one.
 */
public final class PostgresSingleInstanceJobs implements SingleInstanceJobs {

    /** The first key of every lock of ours ("QD"), so they never meet another application's on the database. */
    static final int NAMESPACE = 0x5144;
    private static final int VALID_SECONDS = 5;
    private static final Logger log = LoggerFactory.getLogger(PostgresSingleInstanceJobs.class);
    private final ConnectionSource connector;
    /** Guarded by {@code this}, as is {@link #held}. */
    private Connection connection;
    private final Set<String> held = new HashSet<>();

    /** @param connector opens the dedicated connection (the same URL and credentials as the pool's) */
    public PostgresSingleInstanceJobs(ConnectionSource connector) {
        this.connector = connector;
    }

    @Override
    public boolean runIfLeader(String job, Runnable work) {
        if (!lead(job)) {
            return false;
        }
        work.run();
        return true;
    }

    /** Whether this instance holds the job's lock now, taking it if it is free. */
    synchronized boolean lead(String job) {
        try {
            if (connection != null && !connection.isValid(VALID_SECONDS)) {
                log.warn("Lost the connection that held the locks of {}; other instances may take them", held);
                drop();
            }
            if (connection == null) {
                connection = connector.open();
                connection.setAutoCommit(true);
            }
            if (held.contains(job)) {
                return true;
            }
            try (var statement = connection.prepareStatement("SELECT pg_try_advisory_lock(?, ?)")) {
                statement.setInt(1, NAMESPACE);
                statement.setInt(2, key(job));
                try (var result = statement.executeQuery()) {
                    result.next();
                    if (!result.getBoolean(1)) {
                        return false;
                    }
                }
            }
            held.add(job);
            log.info("This instance now runs {} (it holds its lock)", job);
            return true;
        } catch (SQLException e) {
            log.warn("Could not check who runs {}; skipping this run", job, e);
            drop();
            return false;
        }
    }

    /** The job's lock key: stable across instances and versions (a name's hash is specified by String). */
    static int key(String job) {
        return job.hashCode();
    }

    private void drop() {
        held.clear();
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException e) {
                log.debug("Closing a lost lock connection failed", e);
            }
            connection = null;
        }
    }

    /** Closing the session releases every lock it held. */
    @Override
    public synchronized void close() {
        drop();
    }
}
