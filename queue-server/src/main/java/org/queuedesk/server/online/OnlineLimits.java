package org.queuedesk.server.online;

import java.time.Duration;
import java.time.Instant;
import org.queuedesk.server.ground.WriteTransaction;

/**
 * Counts what a phone number or a client address did recently (table {@code online_attempts}) and refuses
 * with a 429 past a limit. Only what went through is counted: a refused request's transaction rolls back.
 */
final class OnlineLimits {

    static final Duration HOUR = Duration.ofHours(1);
    static final Duration DAY = Duration.ofDays(1);

    enum Kind { CODE, TRY, TICKET, BOOKING }

    private final WriteTransaction tx;
    private final Instant now;

    OnlineLimits(WriteTransaction tx, Instant now) {
        this.tx = tx;
        this.now = now;
    }

    /** @throws Refused (429) when {@code limit} such attempts were made within {@code window} already */
    void check(Kind kind, String key, int limit, Duration window, String pageKey, String detail) {
        tx.attach(OnlineDao.class).lockAttempts(wire(kind), key);
        if (tx.attach(OnlineDao.class).attempts(wire(kind), key, now.minus(window)) >= limit) {
            throw Refused.tooMany(pageKey, detail);
        }
    }

    void record(Kind kind, String key) {
        var dao = tx.attach(OnlineDao.class);
        dao.deleteAttemptsBefore(now.minus(DAY)); // nothing counts for longer than a day
        dao.attempt(wire(kind), key, now);
    }

    private static String wire(Kind kind) {
        return kind.name().toLowerCase(java.util.Locale.ROOT);
    }
}
