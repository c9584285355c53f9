package org.queuedesk.server.event;

import java.time.Instant;
import java.util.List;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;
import org.queuedesk.server.ground.Port;

/** All SQL for the event log that feeds the live stream. */
@Port
public interface EventDao {

    /** The site's last sequence number as this transaction sees it, stored in the log or on the site. */
    @SqlQuery("""
            SELECT max(event_seq, coalesce((SELECT max(seq) FROM events WHERE site_id = :siteId), 0))
              FROM sites WHERE id = :siteId""")
    long lastWrittenSeq(@Bind("siteId") long siteId);

    /** Stores the site's last sequence number from its log: once per commit, before it. */
    @SqlUpdate("""
            UPDATE sites SET event_seq = max(event_seq, coalesce((SELECT max(seq) FROM events WHERE site_id = :siteId), 0))
             WHERE id = :siteId""")
    void settleSeq(@Bind("siteId") long siteId);

    @SqlUpdate("INSERT INTO events(site_id, seq, type, at, payload) VALUES (:siteId, :seq, :type, :at, :payload)")
    void insert(@Bind("siteId") long siteId, @Bind("seq") long seq, @Bind("type") String type, @Bind("at") Instant at,
                @Bind("payload") String payload);

    @SqlQuery("SELECT payload FROM events WHERE site_id = :siteId AND seq > :since ORDER BY seq LIMIT :limit")
    List<String> payloadsAfter(@Bind("siteId") long siteId, @Bind("since") long since, @Bind("limit") int limit);

    @SqlQuery("SELECT event_seq FROM sites WHERE id = :siteId")
    long lastSeq(@Bind("siteId") long siteId);
}
