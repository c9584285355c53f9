package org.queuedesk.server.event;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;
import org.queuedesk.server.ground.Database;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the event log for {@code --event-retention-days} (30 by default): a year of a network's events was
 * three quarters of the database, and only a client catching up reads them. Older events are deleted hourly,
 * a site at a time, in write transactions of {@value #PER_BATCH}; a client asking for one deleted since
 * re-reads its snapshot ({@link EventStream#SINCE_BEYOND_LAST}). Sequence numbers go on from the site's row.
 */
public final class EventRetention {

    static final int PER_BATCH = 1_000;
    private static final Logger log = LoggerFactory.getLogger(EventRetention.class);
    private final Database db;
    private final Duration keep;
    private final Clock clock;
    private final Supplier<List<Long>> siteIds;
    private final int perBatch;

    public EventRetention(Database db, Duration keep, Clock clock, Supplier<List<Long>> siteIds) {
        this(db, keep, clock, siteIds, PER_BATCH);
    }

    EventRetention(Database db, Duration keep, Clock clock, Supplier<List<Long>> siteIds, int perBatch) {
        this.db = db;
        this.keep = keep;
        this.clock = clock;
        this.siteIds = siteIds;
        this.perBatch = perBatch;
    }

    /** Deletes the events older than the retention at every site; returns how many. */
    public int prune() {
        Instant cutoff = clock.instant().minus(keep);
        int pruned = 0;
        for (long siteId : siteIds.get()) {
            while (true) {
                int deleted = db.write(tx -> tx.attach(EventDao.class).deleteOldest(siteId, cutoff, perBatch));
                pruned += deleted;
                if (deleted < perBatch) {
                    break;
                }
            }
        }
        if (pruned > 0) {
            log.info("Event log: {} events older than {} days deleted", pruned, keep.toDays());
        }
        return pruned;
    }
}
