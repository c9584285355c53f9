package org.queuedesk.server.health;

import io.javalin.http.Context;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import org.queuedesk.server.app.Database;

/** {@code GET /metrics}: Prometheus text. Queue lengths are read from the database at scrape time. */
public final class MetricsController {

    private final PrometheusMeterRegistry registry;
    private final Database db;
    private final Clock clock;
    private final MultiGauge waiting;

    public MetricsController(PrometheusMeterRegistry registry, Database db, Clock clock) {
        this.registry = registry;
        this.db = db;
        this.clock = clock;
        this.waiting = MultiGauge.builder("queuedesk.queue.waiting")
                .description("Tickets waiting today, per service")
                .register(registry);
    }

    public void scrape(Context ctx) {
        refreshQueueLengths();
        ctx.contentType("text/plain; version=0.0.4; charset=utf-8").result(registry.scrape());
    }

    private void refreshQueueLengths() {
        var rows = new ArrayList<MultiGauge.Row<?>>();
        db.read(h -> {
            var dao = h.attach(QueueLengthDao.class);
            for (var service : dao.services()) {
                String today = clock.instant().atZone(ZoneId.of(service.timeZone())).toLocalDate().toString();
                rows.add(MultiGauge.Row.of(Tags.of("site", Long.toString(service.siteId()), "service", service.prefix()),
                        dao.waiting(service.serviceId(), today)));
            }
            return null;
        });
        waiting.register(rows, true);
    }
}
