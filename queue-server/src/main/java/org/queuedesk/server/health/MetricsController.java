package org.queuedesk.server.health;

import static org.queuedesk.server.ground.Roles.ANYONE;

import io.javalin.http.Context;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.queuedesk.server.ground.ApiProblem;
import org.queuedesk.server.ground.Database;
import org.queuedesk.server.ground.RouteSource;
import org.queuedesk.server.ground.Routes;
import org.queuedesk.server.site.SiteDao;
import org.queuedesk.server.ticket.TicketDao;

/**
 * {@code GET /metrics}: Prometheus text, public unless a metrics token is set: then only a scraper that sends
 * {@code Authorization: Bearer <token>} gets it (the route stays "public" for the role check: the token is
 * no user's or device's, so it is checked here, in constant time). Queue lengths are read from the database at scrape time into one
 * gauge per service, registered the first time the service is seen and only updated afterwards: a
 * MultiGauge re-registered on every scrape raced with concurrent scrapes (duplicate labels, a 500).
 */
public final class MetricsController implements RouteSource {

    private final PrometheusMeterRegistry registry;
    private final Database db;
    private final Clock clock;
    private final Map<Long, AtomicLong> waiting = new ConcurrentHashMap<>();
    private final Optional<byte[]> token;

    public MetricsController(PrometheusMeterRegistry registry, Database db, Clock clock) {
        this(registry, db, clock, Optional.empty());
    }

    /** @param token what a scrape must send as its bearer token; empty: anyone may scrape */
    public MetricsController(PrometheusMeterRegistry registry, Database db, Clock clock, Optional<String> token) {
        this.registry = registry;
        this.db = db;
        this.clock = clock;
        this.token = token.map(t -> t.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void routes(Routes routes) {
        routes.get("/metrics", ANYONE, "Prometheus metrics", null, this::scrape);
    }

    public void scrape(Context ctx) {
        if (token.isPresent() && !MessageDigest.isEqual(token.get(), bearer(ctx).getBytes(StandardCharsets.UTF_8))) {
            throw ApiProblem.unauthorized("This server's metrics need its metrics token: send 'Authorization: Bearer"
                    + " <token>' with the value of --metrics-token (QUEUEDESK_METRICS_TOKEN).");
        }
        refreshQueueLengths();
        ctx.contentType("text/plain; version=0.0.4; charset=utf-8").result(registry.scrape());
    }

    private static String bearer(Context ctx) {
        String header = ctx.header("Authorization");
        return header != null && header.regionMatches(true, 0, "Bearer ", 0, 7) ? header.substring(7).strip() : "";
    }

    private void refreshQueueLengths() {
        db.read(h -> {
            var tickets = h.attach(TicketDao.class);
            var waitingBySite = new HashMap<Long, Map<Long, Integer>>();
            for (var service : h.attach(SiteDao.class).serviceZones()) {
                var waiting = waitingBySite.computeIfAbsent(service.siteId(), siteId -> {
                    var today = clock.instant().atZone(ZoneId.of(service.timeZone())).toLocalDate();
                    var counts = new HashMap<Long, Integer>();
                    tickets.waitingAt(siteId, today).forEach(w -> counts.put(w.serviceId(), w.waiting()));
                    return counts;
                });
                gaugeOf(service).set(waiting.getOrDefault(service.serviceId(), 0));
            }
            return null;
        });
    }

    /** Services are never deleted or renamed, so a service's gauge lives as long as the server. */
    private AtomicLong gaugeOf(SiteDao.ServiceZone service) {
        return waiting.computeIfAbsent(service.serviceId(), id -> {
            var value = new AtomicLong();
            Gauge.builder("queuedesk.queue.waiting", value, AtomicLong::get)
                    .description("Tickets waiting today, per service")
                    .tags("site", Long.toString(service.siteId()), "service", service.prefix())
                    .strongReference(true)
                    .register(registry);
            return value;
        });
    }
}
