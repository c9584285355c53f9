package org.queuedesk.server.event;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jdbi.v3.core.Handle;
import org.postgresql.PGConnection;
import org.queuedesk.common.event.QueueEvent;
import org.queuedesk.server.ground.ConnectionSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The live stream across several server instances on one PostgreSQL database. A transaction that appends
 * events also announces them ({@code pg_notify} on {@value #CHANNEL} with {@code siteId:seq}, in the statement that
 * numbers the site's first event of the transaction: {@code EventLog}), which PostgreSQL delivers to every listener
 * only once it commits. Each instance
 * listens on a connection of its own and, for each announced site, reads that site's events after the last it
 * delivered from the log and hands them to its {@link EventHub} in sequence order: the log, not the
 * notification, is the source, so a notification that carries several commits, or arrives twice, or not at all
 * for a moment, loses or repeats nothing. After the listener's connection is lost it reconnects, listens again
 * and then reads every site past its last delivered event, so what was committed meanwhile still goes out.
 *
 * <p>On PostgreSQL this is the only way events reach the hub, for the writing instance too ({@code EventLog}
 * announces instead of publishing after commit): one path keeps each site's events in one order everywhere.
 * It relies on a site's sequence numbers being given under a lock held until commit (the site's row), so one
 * site's commits become visible in sequence order and a read never sees a later number before an earlier one.
 */
public final class PostgresEventFeed implements AutoCloseable {

    public static final String CHANNEL = "queuedesk_events";
    /** How long one wait for notifications lasts: also how soon {@link #close} is noticed. */
    private static final int WAIT_MILLIS = 500;
    private static final long MAX_BACKOFF_MILLIS = 5_000;
    private static final Logger log = LoggerFactory.getLogger(PostgresEventFeed.class);

    private final ConnectionSource connections;
    private final EventHub hub;
    private final ObjectMapper json;
    /** Each site's last sequence number handed to the hub; the listener thread's alone. */
    private final Map<Long, Long> delivered = new HashMap<>();
    private final Thread thread;
    private volatile boolean running = true;
    private volatile Connection listening;
    /** Other channels heard on the same connection, by name; set before {@link #start}. */
    private final Map<String, Listener> others = new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * Another kind of news the instances pass each other through the database (e.g. that a user was disabled),
     * heard on the feed's connection. Called on the feed's thread.
     */
    public interface Listener {
        /** A notification's payload, after the transaction that sent it committed. */
        void heard(String payload);

        /** After the connection was lost and made again: what was sent meanwhile was not heard. */
        void mayHaveMissed();
    }

    public PostgresEventFeed(ConnectionSource connections, EventHub hub, ObjectMapper json) {
        this.connections = connections;
        this.hub = hub;
        this.json = json;
        this.thread = new Thread(this::run, "queuedesk-event-feed");
        thread.setDaemon(true);
    }

    /**
     * Inside a transaction on a plain handle: tells every instance's feed that the site has new events, when (and
     * only if) the transaction commits. The server's writes announce with their first event number instead.
     */
    public static void announce(Handle handle, long siteId) {
        EventFeedDao.announce(handle, siteId);
    }

    /** Listens on {@code channel} too, from {@link #start}; its payloads go to {@code listener}. */
    public PostgresEventFeed hearing(String channel, Listener listener) {
        others.put(channel, listener);
        return this;
    }

    /**
     * Starts listening. Events already in the log are not delivered (clients catch up with {@code since=N});
     * everything committed from now on is.
     */
    public void start() {
        try (var connection = connections.open()) {
            delivered.putAll(EventFeedDao.lastSeqs(connection));
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read where the event log ends", e);
        }
        thread.start();
    }

    private void run() {
        long backoff = 100;
        while (running) {
            try (var connection = connections.open()) {
                connection.setAutoCommit(true);
                EventFeedDao.listen(connection, CHANNEL);
                for (String channel : others.keySet()) {
                    EventFeedDao.listen(connection, channel);
                }
                listening = connection;
                // listening first, then reading: a commit in between is both read and announced, never missed
                catchUp(connection);
                others.values().forEach(this::missed);
                backoff = 100;
                var notifications = connection.unwrap(PGConnection.class);
                while (running) {
                    var received = notifications.getNotifications(WAIT_MILLIS);
                    if (received == null || received.length == 0) {
                        continue;
                    }
                    Set<Long> sites = new LinkedHashSet<>();
                    for (var notification : received) {
                        var other = others.get(notification.getName());
                        if (other != null) {
                            hear(other, notification.getParameter());
                        } else {
                            sites.add(siteOf(notification.getParameter()));
                        }
                    }
                    for (long site : sites) {
                        deliverAfter(connection, site);
                    }
                }
            } catch (SQLException | RuntimeException e) {
                if (!running) {
                    return;
                }
                log.warn("The event feed lost its database connection; reconnecting in {} ms", backoff, e);
                try {
                    Thread.sleep(backoff);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return;
                }
                backoff = Math.min(MAX_BACKOFF_MILLIS, backoff * 2);
            } finally {
                listening = null;
            }
        }
    }

    /** A listener's failure is logged and not the feed's: the events keep flowing. */
    private void hear(Listener listener, String payload) {
        try {
            listener.heard(payload);
        } catch (RuntimeException e) {
            log.warn("A listener of the event feed's connection failed", e);
        }
    }

    private void missed(Listener listener) {
        try {
            listener.mayHaveMissed();
        } catch (RuntimeException e) {
            log.warn("A listener of the event feed's connection failed", e);
        }
    }

    private static long siteOf(String payload) {
        return Long.parseLong(payload.substring(0, payload.indexOf(':')));
    }

    /** Every site whose log has gone past what was delivered (after a reconnect: what happened meanwhile). */
    private void catchUp(Connection connection) throws SQLException {
        for (var last : EventFeedDao.lastSeqs(connection).entrySet()) {
            if (last.getValue() > delivered.getOrDefault(last.getKey(), 0L)) {
                deliverAfter(connection, last.getKey());
            }
        }
    }

    /** Hands the site's events after the last delivered one to the hub, a page at a time, in sequence order. */
    private void deliverAfter(Connection connection, long siteId) throws SQLException {
        while (true) {
            long after = delivered.getOrDefault(siteId, 0L);
            var page = new ArrayList<PublishedEvent>();
            for (String payload : EventFeedDao.payloadsAfter(connection, siteId, after, EventLog.PAGE)) {
                page.add(PublishedEvent.of(read(payload, siteId), json));
            }
            if (page.isEmpty()) {
                return;
            }
            hub.publish(page);
            delivered.put(siteId, page.get(page.size() - 1).seq());
            if (page.size() < EventLog.PAGE) {
                return;
            }
        }
    }

    private QueueEvent read(String payload, long siteId) {
        try {
            return json.readValue(payload, QueueEvent.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Unreadable event in the log for site " + siteId, e);
        }
    }

    /** The listening connection's server process, for tests that cut it. */
    int listenerPid() throws SQLException {
        var connection = listening;
        return connection == null ? -1 : connection.unwrap(PGConnection.class).getBackendPID();
    }

    @Override
    public void close() {
        running = false;
        try {
            thread.join(WAIT_MILLIS * 4L);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
