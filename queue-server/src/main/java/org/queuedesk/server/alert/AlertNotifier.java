package org.queuedesk.server.alert;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.queuedesk.common.alert.AlertDto;
import org.queuedesk.server.ground.Database;
import org.queuedesk.server.ground.WriteTransaction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The outbox of critical alerts for the manager on call: a notification is written in the alert's own
 * transaction and published after it, outside any transaction; one SNS did not take is tried again after 10 s,
 * 20 s, 40 s … (at most 5 minutes apart) until it is. At least once: a reply lost after SNS took the message
 * sends it again.
 */
final class AlertNotifier {

    static final Duration FIRST_RETRY = Duration.ofSeconds(10);
    static final Duration MAX_RETRY = Duration.ofMinutes(5);
    private static final Logger log = LoggerFactory.getLogger(AlertNotifier.class);
    private final Database db;
    private final TopicPublisher topic;
    private final Clock clock;

    AlertNotifier(Database db, TopicPublisher topic, Clock clock) {
        this.db = db;
        this.topic = topic;
        this.clock = clock;
    }

    /** In the alert's transaction; nothing when no topic is configured. */
    void enqueue(WriteTransaction tx, AlertDto alert, Instant now) {
        if (!topic.configured()) {
            return;
        }
        String subject = "QueueDesk critical alert, site " + alert.siteId();
        tx.attach(AlertDao.class).notify(alert.id(), subject, alert.summary() + " (since " + alert.raisedAt() + ")", now);
    }

    /** Publishes what is due; called on the alerts' thread after each evaluation. */
    void sendDue() {
        if (!topic.configured()) {
            return;
        }
        Instant now = clock.instant();
        for (var note : db.read(h -> h.attach(AlertDao.class).due(now))) {
            try {
                String messageId = topic.publish(note.subject(), note.message());
                db.write(tx -> {
                    tx.attach(AlertDao.class).sent(note.id(), messageId, clock.instant());
                    return null;
                });
            } catch (Exception e) {
                Duration wait = backoff(note.attempts());
                log.warn("Alert notification {} not taken by SNS (attempt {}); again in {}: {}", note.id(),
                        note.attempts() + 1, wait, e.toString());
                db.write(tx -> {
                    tx.attach(AlertDao.class).failed(note.id(), abbreviate(e.toString()), clock.instant().plus(wait));
                    return null;
                });
            }
        }
    }

    static Duration backoff(int attemptsBefore) {
        Duration wait = FIRST_RETRY.multipliedBy(1L << Math.min(attemptsBefore, 10));
        return wait.compareTo(MAX_RETRY) > 0 ? MAX_RETRY : wait;
    }

    private static String abbreviate(String text) {
        return text.length() <= 300 ? text : text.substring(0, 300);
    }
}
