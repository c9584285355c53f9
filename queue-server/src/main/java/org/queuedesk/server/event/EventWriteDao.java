package org.queuedesk.server.event;

import java.time.Instant;
import org.queuedesk.server.ground.WriteTransaction;

/**
 * Appending to the event log, which every issue (one event) and Next (two) does on the writer, as a plain prepared
 * statement ({@link WriteTransaction#sql}): Jdbi's per-statement work cost more than SQLite's there (README,
 * "Throughput"). The rest of the log's SQL is in {@link EventDao}.
 */
final class EventWriteDao {

    private EventWriteDao() {
    }

    static void insert(WriteTransaction tx, long siteId, long seq, String type, Instant at, String payload) {
        tx.sql("INSERT INTO events(site_id, seq, type, at, payload) VALUES (?, ?, ?, ?, ?)", s -> {
            s.setLong(1, siteId);
            s.setLong(2, seq);
            s.setString(3, type);
            s.setLong(4, at.toEpochMilli());
            s.setString(5, payload);
            return s.executeUpdate();
        });
    }
}
