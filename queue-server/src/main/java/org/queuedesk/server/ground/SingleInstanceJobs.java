package org.queuedesk.server.ground;

/**
 * Jobs that should run on one server instance at a time when several share one database (the retention
 * purges, the end of day, the alert evaluation): each instance schedules them, and each run asks first whether
 * this instance is the one for the job. With SQLite there is one instance, which always is
 * ({@link #thisInstanceOnly}); on PostgreSQL an advisory lock decides ({@link PostgresSingleInstanceJobs}).
 *
 * <p>This saves doubled work, not correctness: every such job is a set of ordinary transactions, safe if two
 * instances ran it at once during the moment a leadership changes hands.
 */
public interface SingleInstanceJobs extends AutoCloseable {

    /** Runs {@code work} now if this instance is, or can become, the one for {@code job}; whether it ran. */
    boolean runIfLeader(String job, Runnable work);

    /** {@code work} as a scheduler runs it: each run asks again (a leader that lost its lock stops). */
    default Runnable guarded(String job, Runnable work) {
        return () -> runIfLeader(job, work);
    }

    /** Leaves what this instance leads to the others. */
    @Override
    void close();

    /** The one instance of an embedded database: it runs every job. */
    static SingleInstanceJobs thisInstanceOnly() {
        return new SingleInstanceJobs() {
            @Override
            public boolean runIfLeader(String job, Runnable work) {
                work.run();
                return true;
            }

            @Override
            public void close() {
            }
        };
    }
}
