package org.queuedesk.server.event;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;

/**
 * The SQL of {@link PostgresEventFeed}: plain JDBC on the feed's own listening connection (PostgreSQL only), and
 * the announcement a writing transaction makes.
 */
final class EventFeedDao {

    private EventFeedDao() {
    }

    /** Inside the writing transaction: a notification on the channel, sent by PostgreSQL when it commits. */
    static void announce(Handle handle, long siteId) {
        handle.createQuery("""
                        SELECT pg_notify('queuedesk_events',
                                         CAST(:siteId AS TEXT) || ':' || CAST(coalesce(max(seq), 0) AS TEXT))
                          FROM events WHERE site_id = :siteId""")
                .bind("siteId", siteId)
                .mapTo(String.class)
                .one();
    }

    /** {@code channel}: one of the server's own constant names (an identifier, not a value from a request). */
    static void listen(Connection connection, String channel) throws SQLException {
        try (var statement = connection.createStatement()) {
            statement.execute("LISTEN " + channel);
        }
    }

    /** Each site's last sequence number in the log (a site whose log the retention emptied is absent). */
    static Map<Long, Long> lastSeqs(Connection connection) throws SQLException {
        var last = new HashMap<Long, Long>();
        try (var statement = connection.createStatement();
             var rows = statement.executeQuery("SELECT site_id, max(seq) FROM events GROUP BY site_id")) {
            while (rows.next()) {
                last.put(rows.getLong(1), rows.getLong(2));
            }
        }
        return last;
    }

    /** The site's stored events after {@code since}, oldest first, at most {@code limit}. */
    static List<String> payloadsAfter(Connection connection, long siteId, long since, int limit) throws SQLException {
        var payloads = new ArrayList<String>();
        try (var statement = connection.prepareStatement(
                "SELECT payload FROM events WHERE site_id = ? AND seq > ? ORDER BY seq LIMIT ?")) {
            statement.setLong(1, siteId);
            statement.setLong(2, since);
            statement.setInt(3, limit);
            try (var rows = statement.executeQuery()) {
                while (rows.next()) {
                    payloads.add(rows.getString(1));
                }
            }
        }
        return payloads;
    }
}
