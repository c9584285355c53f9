package org.queuedesk.server.event;

import java.time.Instant;
import java.util.List;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** All SQL for the event log that feeds the live stream. */
public interface EventDao {

    /** Hands out the site's next sequence number; only ever called inside a write transaction. */
    @SqlQuery("UPDATE sites SET event_seq = event_seq + 1 WHERE id = :siteId RETURNING event_seq")
    long nextSeq(@Bind("siteId") long siteId);

    @SqlUpdate("INSERT INTO events(site_id, seq, type, at, payload) VALUES (:siteId, :seq, :type, :at, :payload)")
    void insert(@Bind("siteId") long siteId, @Bind("seq") long seq, @Bind("type") String type, @Bind("at") Instant at,
                @Bind("payload") String payload);

    @SqlQuery("SELECT payload FROM events WHERE site_id = :siteId AND seq > :since ORDER BY seq LIMIT :limit")
    List<String> payloadsAfter(@Bind("siteId") long siteId, @Bind("since") long since, @Bind("limit") int limit);

    @SqlQuery("SELECT event_seq FROM sites WHERE id = :siteId")
    long lastSeq(@Bind("siteId") long siteId);
}
