package org.queuedesk.server.alert;

import static org.queuedesk.server.ground.Roles.ADMINS;
import static org.queuedesk.server.ground.Roles.FRONT_DESK;
import static org.queuedesk.server.ground.Roles.STAFF;
import static org.queuedesk.server.ground.Routes.listOf;

import io.javalin.http.Context;
import org.queuedesk.common.alert.AlertDto;
import org.queuedesk.common.alert.AlertRulesDto;
import org.queuedesk.server.ground.IdempotentHandler.Change;
import org.queuedesk.server.ground.Principal;
import org.queuedesk.server.ground.Reply;
import org.queuedesk.server.ground.Requests;
import org.queuedesk.server.ground.RouteSource;
import org.queuedesk.server.ground.Routes;

/** Alerts: the open ones of a site, acknowledging one, and the thresholds per site or service. */
public final class AlertController implements RouteSource {

    private final AlertService alerts;

    AlertController(AlertService alerts) {
        this.alerts = alerts;
    }

    @Override
    public void routes(Routes routes) {
        routes.get("/api/sites/{siteId}/alerts", STAFF, "A site's open alerts, oldest first", listOf(AlertDto.class),
                this::open);
        routes.idempotentPost("/api/alerts/{alertId}/acknowledge", FRONT_DESK,
                "Acknowledge an alert (audited; again or after it cleared: the alert as it stands)", null,
                AlertDto.class, this::acknowledge);
        routes.get("/api/sites/{siteId}/alert-rules", ADMINS, "A site's alert thresholds (defaults until set)",
                AlertRulesDto.class, ctx -> ctx.json(alerts.siteRules(Requests.id(ctx, "siteId"))));
        routes.put("/api/sites/{siteId}/alert-rules", ADMINS,
                "Set a site's alert thresholds (its services without their own follow them)", AlertRulesDto.class,
                AlertRulesDto.class, this::changeSiteRules);
        routes.get("/api/services/{serviceId}/alert-rules", ADMINS,
                "A service's alert thresholds (its own, else its site's)", AlertRulesDto.class,
                ctx -> ctx.json(alerts.serviceRules(Requests.id(ctx, "serviceId"))));
        routes.put("/api/services/{serviceId}/alert-rules", ADMINS, "Set a service's own alert thresholds",
                AlertRulesDto.class, AlertRulesDto.class, this::changeServiceRules);
    }

    private void open(Context ctx) {
        ctx.json(alerts.open(Requests.id(ctx, "siteId")));
    }

    private Change acknowledge(Context ctx, Principal caller) {
        long id = Requests.id(ctx, "alertId");
        String actor = caller.name();
        return tx -> new Reply(200, alerts.acknowledge(tx, id, actor));
    }

    private void changeSiteRules(Context ctx) {
        var request = Requests.body(ctx, AlertRulesDto.class);
        ctx.json(alerts.changeSiteRules(Requests.id(ctx, "siteId"), request, Requests.actor(ctx)));
    }

    private void changeServiceRules(Context ctx) {
        var request = Requests.body(ctx, AlertRulesDto.class);
        ctx.json(alerts.changeServiceRules(Requests.id(ctx, "serviceId"), request, Requests.actor(ctx)));
    }
}
