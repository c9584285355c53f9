package org.queuedesk.server.event;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.queuedesk.common.event.EventPayload;
import org.queuedesk.common.event.QueueEvent;
import org.queuedesk.server.ground.Database;
import org.queuedesk.server.ground.Dialect;
import org.queuedesk.server.ground.Port;
import org.queuedesk.server.ground.WriteTransaction;
import org.queuedesk.server.site.SiteDao;
import org.queuedesk.server.site.SiteWriteDao;

/**
 * Records every change as an event with the site's next sequence number, in the transaction that makes
 * the change, and hands it to the live stream only after that transaction commits.
 */
@Port
public final class EventLog {

    /** The most events one catch-up read returns; a full page means there may be more. */
    static final int PAGE = 500;
    private final ObjectMapper json;
    private final EventHub hub;
    private final Clock clock;
    private final boolean announced;
    /** Keeps each site's commits in sequence order on their way to the hub when many threads commit. */
    private final CommitOrder order = new CommitOrder();

    public EventLog(ObjectMapper json, EventHub hub, Clock clock) {
        this(json, hub, clock, Dialect.SQLITE);
    }

    /**
     * @param dialect on {@link Dialect#POSTGRESQL} several instances may write: a commit's events are announced
     *                to every instance's {@link PostgresEventFeed}, which publishes them, instead of being
     *                published here after the commit
     */
    public EventLog(ObjectMapper json, EventHub hub, Clock clock, Dialect dialect) {
        this.announced = dialect == Dialect.POSTGRESQL;
        this.json = json;
        this.hub = hub;
        this.clock = clock;
    }

    /** Appends the change with the site's next sequence number; it goes live when the transaction commits. */
    public QueueEvent append(WriteTransaction tx, long siteId, String actor, EventPayload payload) {
        boolean concurrent = Dialect.of(tx.handle()) == Dialect.POSTGRESQL;
        long seq = concurrent ? takeSeq(tx, siteId) : nextSeq(tx, siteId);
        var event = payload.toEvent(seq, siteId, clock.instant(), actor);
        var published = PublishedEvent.of(event, json);
        EventWriteDao.insert(tx, siteId, seq, event.type().wireName(), event.at(), published.fullJson());
        if (!announced) {
            publishAfterCommit(tx, published, concurrent);
        }
        // announced: every instance's feed (this one's too) reads the committed events and publishes them in order
        return event;
    }

    /** That this transaction already announced its events at the site (in a statement not undone since). */
    private record Announced(long siteId) {
    }

    private record LastSeq(long siteId) {
    }

    /**
     * The site's next sequence number, counted by the writer and stored on the site once per commit instead
     * of once per event. The count is forgotten whenever a write is undone and then read again from the log,
     * so an undone event's number is given again, and the stored one is settled from the log itself.
     */
    private static long nextSeq(WriteTransaction tx, long siteId) {
        // the number is kept on the site's row; plain statements, as every commit settles it (SiteWriteDao)
        long[] last = tx.remember(new LastSeq(siteId), long[].class,
                () -> java.util.Optional.of(new long[] {SiteWriteDao.lastWrittenEventSeq(tx, siteId)})).orElseThrow();
        tx.beforeCommit(new LastSeq(siteId), () -> SiteWriteDao.settleEventSeq(tx, siteId));
        return ++last[0];
    }

    /**
     * The site's next number where transactions write concurrently: counted on the site's row, which stays locked
     * until commit, so the site's events commit in sequence order (see {@link CommitOrder}).
     */
    private long takeSeq(WriteTransaction tx, long siteId) {
        if (announced) {
            // the site's first event in this transaction also announces it (PostgresEventFeed), in the same
            // statement: a notification is sent on commit and tells the feeds to read every new event of the
            // site, so one per site and commit is enough. A savepoint rolled back undoes its notification and
            // forgets what the transaction remembered, so the next event announces again.
            if (tx.remembered().putIfAbsent(new Announced(siteId), Boolean.TRUE) == null) {
                return SiteWriteDao.takeEventSeqAndNotify(tx, siteId, PostgresEventFeed.CHANNEL);
            }
            return SiteWriteDao.takeEventSeq(tx, siteId);
        }
        long seq = SiteWriteDao.takeEventSeq(tx, siteId);
        order.taken(siteId, seq);
        return seq;
    }

    /**
     * All events of one transaction are published together (a Next writes two): the hub then sends them to
     * each socket in one write, and the call does not wait behind a whole round of writes for the other.
     */
    private void publishAfterCommit(WriteTransaction tx, PublishedEvent published, boolean concurrent) {
        for (Runnable action : tx.afterCommit()) {
            if (action instanceof Publication publication && publication.hub == hub) {
                publication.events.add(published);
                return;
            }
        }
        var publication = new Publication(hub, concurrent ? order : null);
        publication.events.add(published);
        tx.afterCommit(publication);
    }

    private static final class Publication implements WriteTransaction.Gathering {
        final EventHub hub;
        /** Null when one writer commits everything (SQLite): commit order is then sequence order. */
        final CommitOrder order;
        final List<PublishedEvent> events = new ArrayList<>(2);

        Publication(EventHub hub, CommitOrder order) {
            this.hub = hub;
            this.order = order;
        }

        @Override
        public int mark() {
            return events.size();
        }

        @Override
        public void forgetAfter(int mark) {
            events.subList(mark, events.size()).clear();
        }

        @Override
        public void run() {
            if (order != null) {
                order.publish(events, hub::publish);
                return;
            }
            hub.publish(events);
        }
    }

    /**
     * Events after {@code since}, oldest first, at most one page; used to catch a reconnecting client up. Rows
     * logged before wire version 2 have the old type names, which the reader takes too.
     */
    public List<QueueEvent> after(Database db, long siteId, long since) {
        List<String> payloads = db.read(h -> h.attach(EventDao.class).payloadsAfter(siteId, since, PAGE));
        var events = new ArrayList<QueueEvent>(payloads.size());
        for (String payload : payloads) {
            try {
                events.add(json.readValue(payload, QueueEvent.class));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("Unreadable event in the log for site " + siteId, e);
            }
        }
        return events;
    }

    /** The site's last sequence number from the log itself or the site, whichever is higher. */
    long lastWrittenSeq(Database db, long siteId) {
        return db.read(h -> h.attach(SiteDao.class).lastWrittenEventSeq(siteId));
    }

    /**
     * The first sequence number a catch-up can still read for a site: its oldest kept event, or the one after its
     * last when the retention left none.
     */
    long oldestKeptSeq(Database db, long siteId) {
        return db.read(h -> {
            Long oldest = h.attach(EventDao.class).oldestSeq(siteId);
            return oldest != null ? oldest : h.attach(SiteDao.class).lastWrittenEventSeq(siteId) + 1;
        });
    }

    public long lastSeq(Database db, long siteId) {
        return db.read(h -> h.attach(SiteDao.class).lastEventSeq(siteId));
    }

    public ObjectMapper json() {
        return json;
    }
}
