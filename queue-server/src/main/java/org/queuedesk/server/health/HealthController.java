package org.queuedesk.server.health;

import static org.queuedesk.server.ground.Roles.ANYONE;

import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.List;
import org.queuedesk.common.Release;
import org.queuedesk.server.ground.Database;
import org.queuedesk.server.ground.HealthCheck;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.queuedesk.server.ground.RouteSource;
import org.queuedesk.server.ground.Routes;

/**
 * {@code GET /health}: 200 with the schema version when the database answers, 503 (DOWN) otherwise. Other
 * parts the server needs (the sign-in provider) are listed under {@code components}; one that is down makes
 * the status DEGRADED, still 200: the server runs, and kiosks and displays keep working.
 */
public final class HealthController implements RouteSource {

    private static final Logger log = LoggerFactory.getLogger(HealthController.class);
    private final Database db;
    private final List<HealthCheck> checks;

    public HealthController(Database db) {
        this(db, List.of());
    }

    public HealthController(Database db, List<HealthCheck> checks) {
        this.db = db;
        this.checks = List.copyOf(checks);
    }

    @Override
    public void routes(Routes routes) {
        routes.get("/health", ANYONE, "Health: database reachable, schema version and the server's release", HealthReport.class, this::health);
    }

    public void health(Context ctx) {
        try {
            db.read(h -> h.createQuery("SELECT 1").mapTo(Integer.class).one());
        } catch (RuntimeException e) {
            log.warn("Health check failed: database unreachable", e);
            ctx.status(503).json(new HealthReport("DOWN", "DOWN", null, null, null));
            return;
        }
        var components = new LinkedHashMap<String, HealthReport.Component>();
        boolean allUp = true;
        for (HealthCheck check : checks) {
            var status = check.check();
            components.put(check.name(), new HealthReport.Component(status.up() ? "UP" : "DOWN",
                    status.up() ? null : status.reason()));
            allUp &= status.up();
        }
        // the release: a desktop app compares it with its own
        ctx.json(new HealthReport(allUp ? "UP" : "DEGRADED", "UP", db.schemaVersion(), Release.current(),
                components.isEmpty() ? null : components));
    }
}
