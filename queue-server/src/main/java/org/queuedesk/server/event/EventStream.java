package org.queuedesk.server.event;

import io.javalin.websocket.WsConfig;
import io.javalin.websocket.WsContext;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongFunction;
import java.util.function.Predicate;
import org.eclipse.jetty.websocket.common.WebSocketSession;
import org.queuedesk.common.event.EventWire;
import org.queuedesk.server.ground.AccessCheck;
import org.queuedesk.server.ground.Database;
import org.queuedesk.server.ground.Principal;
import org.queuedesk.server.site.SiteService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code WS /api/sites/{siteId}/events?since=N&v=2}: every change at a site as JSON {@link
 * org.queuedesk.common.event.QueueEvent}s, their types spelled as the client's {@link EventWire} version asks
 * ({@code v}; without it version 1, for clients that predate version 2). With {@code since} the client first receives what it missed,
 * then live events, each exactly once and in order; without it, live events only. A {@code since} beyond the
 * site's last event, or before the oldest event the log still keeps ({@link EventRetention}), closes with {@link
 * #SINCE_BEYOND_LAST}; a caller whose access ends is closed with 1008.
 */
public final class EventStream {

    /**
     * Close code: {@code since} is past the site's last event, or older than its oldest kept one; either way the
     * client must re-read a snapshot.
     */
    public static final int SINCE_BEYOND_LAST = 4409;
    /** Close code: the caller's access ended (device revoked, user disabled). */
    public static final int POLICY_VIOLATION = 1008;
    private static final Logger log = LoggerFactory.getLogger(EventStream.class);
    private final Database db;
    private final EventLog events;
    private final EventHub hub;
    private final SiteService sites;
    private final Counter sent;
    private final Map<String, Connection> connections = new ConcurrentHashMap<>();
    private final Predicate<Principal> stillAllowed;

    private record Connection(WsContext ctx, Principal principal, StreamClient client, Runnable unsubscribe) {
    }

    /** Every caller let in stays allowed (tests whose streams are not about access). */
    public EventStream(Database db, EventLog events, EventHub hub, SiteService sites, MeterRegistry metrics) {
        this(db, events, hub, sites, metrics, principal -> true);
    }

    /**
     * @param stillAllowed asked once a stream is registered: whether its caller, let in at the upgrade, still
     *                     may listen (a revocation may have committed in between)
     */
    public EventStream(Database db, EventLog events, EventHub hub, SiteService sites, MeterRegistry metrics,
                       Predicate<Principal> stillAllowed) {
        this.stillAllowed = stillAllowed;
        this.db = db;
        this.events = events;
        this.hub = hub;
        this.sites = sites;
        this.sent = Counter.builder("queuedesk.events.sent").description("Events sent to stream clients").register(metrics);
        metrics.gauge("queuedesk.stream.clients", hub, EventHub::subscriberCount);
    }

    public void configure(WsConfig ws) {
        ws.onConnect(ctx -> {
            ctx.session.setIdleTimeout(java.time.Duration.ofMinutes(10));
            ctx.enableAutomaticPings(15, java.util.concurrent.TimeUnit.SECONDS);
            connect(ctx);
        });
        ws.onClose(ctx -> disconnect(ctx));
        ws.onError(ctx -> disconnect(ctx));
        ws.onMessage(ctx -> { /* clients only listen */ });
    }

    private void connect(WsContext ctx) {
        long siteId;
        long since;
        long last;
        long oldest;
        EventWire wire;
        try {
            wire = EventWire.ofQuery(ctx.queryParam("v"));
            siteId = Long.parseLong(ctx.pathParam("siteId"));
            sites.site(siteId);
            last = events.lastWrittenSeq(db, siteId);
            String sinceParam = ctx.queryParam("since");
            since = sinceParam == null ? last : Long.parseLong(sinceParam);
            if (since < 0) {
                throw new NumberFormatException("negative");
            }
            oldest = since < last ? events.oldestKeptSeq(db, siteId) : last + 1;
        } catch (RuntimeException e) {
            ctx.closeSession(4400, "bad site, since or v: " + e.getMessage());
            return;
        }
        if (since > last) {
            // a client restored from another database (or a backup) would otherwise wait silently for numbers
            // that belong to other events; its state is not this server's, so it must start from a snapshot
            ctx.closeSession(SINCE_BEYOND_LAST, "since " + since + " is beyond the site's last event " + last
                    + ": re-read the snapshot");
            return;
        }
        if (since + 1 < oldest) {
            // the events it missed were pruned (--event-retention-days): a catch-up would skip them silently
            ctx.closeSession(SINCE_BEYOND_LAST, "since " + since + " is older than the oldest event kept, "
                    + (oldest - 1) + ": re-read the snapshot");
            return;
        }
        Principal principal = ctx.attribute(AccessCheck.PRINCIPAL);
        boolean redact = principal == null || !principal.maySeePersonalData();
        // the core session, for batched frames: the plain API sends every frame as a write of its own
        var core = ((WebSocketSession) ctx.session).getCoreSession();
        var client = new StreamClient(core, redact, wire, since, sent::increment);
        connections.put(ctx.sessionId(), new Connection(ctx, principal, client, hub.subscribeLive(siteId, client)));
        if (principal != null && !stillAllowed.test(principal)) {
            close(ctx.sessionId(), "Your access was revoked.");
            return;
        }
        try {
            catchUp(client, since, cursor -> events.after(db, siteId, cursor).stream()
                    .map(event -> PublishedEvent.of(event, events.json())).toList());
            client.finishCatchUp();
        } catch (RuntimeException e) {
            log.warn("Catch-up failed for a stream client of site {}", siteId, e);
            ctx.closeSession(1011, "catch-up failed; reconnect");
        }
    }

    /**
     * Sends the client what it missed from the log, a page at a time, and stops as soon as the client is closed
     * (gone, or dropped as too slow, which it may be half way): nothing read after that would reach it. Returns
     * how many pages it read.
     */
    static int catchUp(StreamClient client, long since, LongFunction<List<PublishedEvent>> pageAfter) {
        long cursor = since;
        int pages = 0;
        while (!client.isClosed()) {
            var page = pageAfter.apply(cursor);
            pages++;
            for (var event : page) {
                client.offerFromLog(event);
                cursor = event.seq();
            }
            if (page.size() < EventLog.PAGE) {
                break;
            }
        }
        return pages;
    }

    /**
     * Closes at once the streams of callers whose access ended (policy violation, 1008, with the reason); their
     * reconnects are refused at the upgrade.
     */
    public void closeWhere(Predicate<Principal> who, String reason) {
        connections.forEach((id, connection) -> {
            if (connection.principal() != null && who.test(connection.principal())) {
                close(id, reason);
            }
        });
    }

    private void close(String sessionId, String reason) {
        var connection = connections.remove(sessionId);
        if (connection != null) {
            connection.unsubscribe().run();
            connection.client().close();
            connection.ctx().closeSession(POLICY_VIOLATION, reason);
        }
    }

    private void disconnect(WsContext ctx) {
        var connection = connections.remove(ctx.sessionId());
        if (connection != null) {
            connection.unsubscribe().run();
            connection.client().close();
        }
    }
}
