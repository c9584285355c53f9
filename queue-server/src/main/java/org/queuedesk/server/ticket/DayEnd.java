package org.queuedesk.server.ticket;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.function.Supplier;
import org.queuedesk.common.site.SiteDto;
import org.queuedesk.server.ground.Database;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Ends each site's day: once it is past local midnight at a site, every ticket of an earlier day still open
 * there (waiting, called, serving, no-show) is closed as {@code expired}, attributed to {@value #ACTOR}, in its
 * history and on the stream like any other move. Without it, a day's leftovers stayed waiting for ever,
 * counted as never served and slowed every Next. A site has no closing time: its day ends at midnight in its
 * own time zone, when its numbers start again at 001.
 *
 * <p>Runs every minute in small write transactions of {@value #PER_BATCH} tickets, so a
 * request waits at most for one batch; a run stopped half way is finished by the next.
 */
public final class DayEnd {

    public static final String ACTOR = "system";
    static final int PER_BATCH = 200;
    private static final Logger log = LoggerFactory.getLogger(DayEnd.class);
    private final Database db;
    private final TicketMoves moves;
    private final Clock clock;
    private final Supplier<List<SiteDto>> sites;
    private final int perBatch;

    public DayEnd(Database db, TicketMoves moves, Clock clock, Supplier<List<SiteDto>> sites) {
        this(db, moves, clock, sites, PER_BATCH);
    }

    DayEnd(Database db, TicketMoves moves, Clock clock, Supplier<List<SiteDto>> sites, int perBatch) {
        this.db = db;
        this.moves = moves;
        this.clock = clock;
        this.sites = sites;
        this.perBatch = perBatch;
    }

    /** The same job in batches of another size (a test sees several batches without hundreds of tickets). */
    DayEnd inBatchesOf(int tickets) {
        return new DayEnd(db, moves, clock, sites, tickets);
    }

    /** Expires what earlier days left open at every site; returns how many tickets (0 on most runs). */
    public int run() {
        int expired = 0;
        for (SiteDto site : sites.get()) {
            expired += run(site);
        }
        return expired;
    }

    private int run(SiteDto site) {
        LocalDate today = clock.instant().atZone(ZoneId.of(site.timeZone())).toLocalDate();
        int expired = 0;
        while (true) {
            int batch = db.write(tx -> {
                var dao = tx.attach(TicketDao.class);
                List<Long> ids = dao.openBefore(site.id(), today, perBatch);
                for (long id : ids) {
                    moves.expire(tx, moves.load(tx, id), ACTOR);
                }
                return ids.size();
            });
            expired += batch;
            if (batch < perBatch) {
                break;
            }
        }
        if (expired > 0) {
            log.info("Day ended at site {}: {} tickets of earlier days still open expired", site.id(), expired);
        }
        return expired;
    }
}
