package org.queuedesk.server.event;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands each site's commits to the hub in sequence order when transactions commit on many threads (PostgreSQL).
 * The database commits a site's events in sequence order (the site's counter row stays locked until commit),
 * but the threads that then publish them may run in any order: a commit that arrives early waits here until
 * every number before it was handed over. Numbers have no gaps: an undone write's number is given again.
 *
 * <p>A site's first expected number is the first one taken in this process ({@link #taken}), under that row
 * lock, so every earlier number was committed before, by this process or another. Should a committed number
 * never arrive (its connection died while committing, say), the commits after it wait {@link #STALL_NANOS}
 * and then go out anyway, with a warning: a client sees the gap and catches up from the log.
 */
final class CommitOrder {

    private static final Logger log = LoggerFactory.getLogger(CommitOrder.class);
    static final long STALL_NANOS = 2_000_000_000L;

    private final Map<Long, Site> sites = new ConcurrentHashMap<>();

    private static final class Site {
        long expected;
        final TreeMap<Long, List<PublishedEvent>> early = new TreeMap<>();
        long waitingSince;

        Site(long expected) {
            this.expected = expected;
        }
    }

    /** A write took {@code seq} for the site, holding the site's row lock. */
    void taken(long siteId, long seq) {
        sites.computeIfAbsent(siteId, id -> new Site(seq));
    }

    /** One commit's events (in sequence order): handed to {@code hub} now, or once the commits before them were. */
    void publish(List<PublishedEvent> commit, Consumer<List<PublishedEvent>> hub) {
        Map<Long, List<PublishedEvent>> bySite = new LinkedHashMap<>();
        for (var event : commit) {
            bySite.computeIfAbsent(event.event().siteId(), id -> new ArrayList<>(2)).add(event);
        }
        bySite.forEach((siteId, events) -> {
            Site site = sites.get(siteId);
            if (site == null) {
                hub.accept(events); // not numbered through this process: nothing to keep in order with
                return;
            }
            synchronized (site) {
                site.early.put(events.get(0).event().seq(), events);
                handOver(site, hub);
                if (site.early.isEmpty()) {
                    site.waitingSince = 0;
                } else if (site.waitingSince == 0) {
                    site.waitingSince = System.nanoTime();
                } else if (System.nanoTime() - site.waitingSince > STALL_NANOS) {
                    log.warn("Site {}: event {} never arrived for publishing; sending the later ones (clients catch up"
                            + " from the log)", siteId, site.expected);
                    site.expected = site.early.firstKey();
                    site.waitingSince = 0;
                    handOver(site, hub);
                }
            }
        });
    }

    private static void handOver(Site site, Consumer<List<PublishedEvent>> hub) {
        while (!site.early.isEmpty() && site.early.firstKey() <= site.expected) {
            var events = site.early.pollFirstEntry().getValue();
            hub.accept(events);
            site.expected = Math.max(site.expected, events.get(events.size() - 1).event().seq() + 1);
        }
    }
}
