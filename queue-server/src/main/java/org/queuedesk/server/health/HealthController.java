package org.queuedesk.server.health;

import static org.queuedesk.server.ground.Roles.ANYONE;

import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.List;
import org.queuedesk.server.ground.Database;
import org.queuedesk.server.ground.HealthCheck;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import java.util.Map;
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
        routes.get("/health", ANYONE, "Health: database reachable and schema version", Map.class, this::health);
    }

    public void health(Context ctx) {
        var body = new LinkedHashMap<String, Object>();
        try {
            db.read(h -> h.createQuery("SELECT 1").mapTo(Integer.class).one());
        } catch (RuntimeException e) {
            log.warn("Health check failed: database unreachable", e);
            body.put("status", "DOWN");
            body.put("database", "DOWN");
            ctx.status(503).json(body);
            return;
        }
        var components = new LinkedHashMap<String, Object>();
        boolean allUp = true;
        for (HealthCheck check : checks) {
            var status = check.check();
            var component = new LinkedHashMap<String, Object>();
            component.put("status", status.up() ? "UP" : "DOWN");
            if (!status.up()) {
                component.put("reason", status.reason());
                allUp = false;
            }
            components.put(check.name(), component);
        }
        body.put("status", allUp ? "UP" : "DEGRADED");
        body.put("database", "UP");
        body.put("schemaVersion", db.schemaVersion());
        if (!components.isEmpty()) {
            body.put("components", components);
        }
        ctx.json(body);
    }
}
