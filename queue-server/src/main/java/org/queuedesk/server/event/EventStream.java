package org.queuedesk.server.event;

import io.javalin.websocket.WsConfig;
import io.javalin.websocket.WsContext;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.jetty.websocket.common.WebSocketSession;
import org.queuedesk.server.app.AccessCheck;
import org.queuedesk.server.app.Database;
import org.queuedesk.server.app.Principal;
import org.queuedesk.server.site.SiteService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code WS /api/sites/{siteId}/events?since=N}: every change at a site as JSON {@link
 * org.queuedesk.common.event.QueueEvent}s. With {@code since} the client first receives what it missed,
 * then live events, each exactly once and in order; without it, live events only.
 */
public final class EventStream {

    private static final Logger log = LoggerFactory.getLogger(EventStream.class);
    private final Database db;
    private final EventLog events;
    private final EventHub hub;
    private final SiteService sites;
    private final Counter sent;
    private final Map<String, Connection> connections = new ConcurrentHashMap<>();

    private record Connection(StreamClient client, Runnable unsubscribe) {
    }

    public EventStream(Database db, EventLog events, EventHub hub, SiteService sites, MeterRegistry metrics) {
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
        try {
            siteId = Long.parseLong(ctx.pathParam("siteId"));
            sites.site(siteId);
            String sinceParam = ctx.queryParam("since");
            since = sinceParam == null ? events.lastSeq(db, siteId) : Long.parseLong(sinceParam);
            if (since < 0) {
                throw new NumberFormatException("negative");
            }
        } catch (RuntimeException e) {
            ctx.closeSession(4400, "bad site or since: " + e.getMessage());
            return;
        }
        Principal principal = ctx.attribute(AccessCheck.PRINCIPAL);
        boolean redact = principal == null || !principal.maySeePersonalData();
        // the core session, for batched frames: the plain API sends every frame as a write of its own
        var core = ((WebSocketSession) ctx.session).getCoreSession();
        var client = new StreamClient(core, redact, since, sent::increment);
        connections.put(ctx.sessionId(), new Connection(client, hub.subscribeLive(siteId, client)));
        try {
            long cursor = since;
            while (true) {
                var page = events.after(db, siteId, cursor);
                for (var event : page) {
                    client.offerFromLog(PublishedEvent.of(event, events.json()));
                    cursor = event.seq();
                }
                if (page.isEmpty() || page.size() < 500) {
                    break;
                }
            }
            client.finishCatchUp();
        } catch (RuntimeException e) {
            log.warn("Catch-up failed for a stream client of site {}", siteId, e);
            ctx.closeSession(1011, "catch-up failed; reconnect");
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
