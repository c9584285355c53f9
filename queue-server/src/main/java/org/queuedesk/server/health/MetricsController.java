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
        db.read(h -> h.createQuery("""
                        SELECT sv.site_id, sv.prefix, si.time_zone, sv.id FROM services sv JOIN sites si ON si.id = sv.site_id""")
                .map((rs, c) -> new Object[] {rs.getLong(1), rs.getString(2), rs.getString(3), rs.getLong(4)})
                .list()).forEach(row -> {
                    String today = clock.instant().atZone(ZoneId.of((String) row[2])).toLocalDate().toString();
                    long count = db.read(h -> h.createQuery(
                                    "SELECT count(*) FROM tickets WHERE service_id = :id AND state = 'waiting' AND service_date = :d")
                            .bind("id", (long) row[3]).bind("d", today).mapTo(Long.class).one());
                    rows.add(MultiGauge.Row.of(Tags.of("site", row[0].toString(), "service", (String) row[1]), count));
                });
        waiting.register(rows, true);
    }
}
