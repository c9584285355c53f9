package org.queuedesk.server.app;

import io.javalin.http.Context;
import java.util.concurrent.TimeUnit;
import org.queuedesk.server.ground.AccessCheck;
import org.queuedesk.server.ground.Principal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One line per request on the {@value #LOGGER} logger (on with {@code --log-format json}): method, the route as
 * declared ({@code /t/{token}}, never the path, which holds the token), status, duration, the site when the
 * route names one, and who called (a staff username or a device id). Never a query string, body or header.
 */
final class AccessLog {

    static final String LOGGER = "queuedesk.access";
    private static final Logger log = LoggerFactory.getLogger(LOGGER);

    private AccessLog() {
    }

    static void record(Context ctx, String route, long elapsedNanos) {
        if (!log.isInfoEnabled()) {
            return;
        }
        long millis = TimeUnit.NANOSECONDS.toMillis(elapsedNanos);
        var line = log.atInfo()
                .addKeyValue("method", ctx.method().toString())
                .addKeyValue("route", route)
                .addKeyValue("status", ctx.statusCode())
                .addKeyValue("durationMs", millis);
        // a path parameter is only the route's own: an unmatched path may hold anything
        String site = route.contains("{siteId}") ? ctx.pathParamMap().get("siteId") : null;
        if (site != null) {
            line = line.addKeyValue("siteId", site);
        }
        Principal who = ctx.attribute(AccessCheck.PRINCIPAL);
        String caller = null;
        if (who != null && who.device()) {
            caller = "device " + who.deviceId();
            line = line.addKeyValue("deviceId", who.deviceId());
        } else if (who != null) {
            caller = who.name();
            line = line.addKeyValue("user", who.name());
        }
        line.log("{} {} {} {} ms{}", ctx.method(), route, ctx.statusCode(), millis, caller == null ? "" : " by " + caller);
    }
}
