package org.queuedesk.server.health;

import io.javalin.http.Context;
import java.util.LinkedHashMap;
import org.queuedesk.server.app.Database;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@code GET /health}: 200 when the database answers, with the schema version; 503 otherwise. */
public final class HealthController {

    private static final Logger log = LoggerFactory.getLogger(HealthController.class);
    private final Database db;

    public HealthController(Database db) {
        this.db = db;
    }

    public void health(Context ctx) {
        var body = new LinkedHashMap<String, Object>();
        try {
            db.read(h -> h.createQuery("SELECT 1").mapTo(Integer.class).one());
            body.put("status", "UP");
            body.put("database", "UP");
            body.put("schemaVersion", db.schemaVersion());
            ctx.json(body);
        } catch (RuntimeException e) {
            log.warn("Health check failed: database unreachable", e);
            body.put("status", "DOWN");
            body.put("database", "DOWN");
            ctx.status(503).json(body);
        }
    }
}
