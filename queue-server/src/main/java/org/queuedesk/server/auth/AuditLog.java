package org.queuedesk.server.auth;

import java.time.Clock;
import java.util.List;
import org.queuedesk.server.ground.Database;
import org.queuedesk.server.ground.Port;
import org.queuedesk.server.ground.WriteTransaction;

/**
 * Who did what to accounts and devices, and every sign-in attempt, so an administrator can answer for each
 * change. Written in the change's transaction.
 */
@Port
public final class AuditLog {

    private final Database db;
    private final Clock clock;

    public AuditLog(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    public void record(WriteTransaction tx, String actor, String action, String subject, String detail) {
        tx.attach(AuthDao.class).audit(clock.instant(), actor, action, subject, detail);
    }

    /** An entry of its own (not part of a change), e.g. a refused sign-in. */
    public void recordNow(String actor, String action, String subject, String detail) {
        db.write(tx -> {
            record(tx, actor, action, subject, detail);
            return null;
        });
    }

    public List<AuditEntry> latest(int limit) {
        return db.read(h -> h.attach(AuthDao.class).audit(limit));
    }

    /** A filtered page, newest first. */
    List<AuditEntry> page(AuditQuery query) {
        String family = query.action() == null ? null : query.action() + ".";
        return db.read(h -> h.attach(AuthDao.class).auditPage(query.actor(), query.action(), family,
                family == null ? 0 : family.length(), query.from(), query.to(), query.before(), query.limit()));
    }
}
