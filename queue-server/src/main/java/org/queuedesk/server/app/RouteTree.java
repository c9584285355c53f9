package org.queuedesk.server.app;

import static org.queuedesk.server.ground.Roles.ANYONE;

import io.javalin.http.Handler;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.queuedesk.common.Role;
import org.queuedesk.server.alert.AlertController;
import org.queuedesk.server.appointment.AppointmentController;
import org.queuedesk.server.auth.AuthController;
import org.queuedesk.server.backup.BackupController;
import org.queuedesk.server.device.PrinterController;
import org.queuedesk.server.display.DisplayController;
import org.queuedesk.server.event.EventRoutes;
import org.queuedesk.server.ground.AccessCheck;
import org.queuedesk.server.ground.RouteSource;
import org.queuedesk.server.ground.RouteSpec;
import org.queuedesk.server.ground.Routes;
import org.queuedesk.server.ground.WsRouteSpec;
import org.queuedesk.server.health.HealthController;
import org.queuedesk.server.health.MetricsController;
import org.queuedesk.server.idempotency.IdempotentWrites;
import org.queuedesk.server.notify.SmsController;
import org.queuedesk.server.online.OnlineController;
import org.queuedesk.server.privacy.PrivacyController;
import org.queuedesk.server.queue.QueueController;
import org.queuedesk.server.report.ReportController;
import org.queuedesk.server.site.SiteController;
import org.queuedesk.server.status.StatusRoutes;
import org.queuedesk.server.ticket.TicketController;

/**
 * The one route tree: each feature declares its routes, with the roles that may call them, into it, in the
 * order listed here. {@link AccessCheck} enforces these roles and {@link OpenApiDocument} publishes them; a
 * route cannot be added without declaring them. {@link #describe()} lists every route with its roles.
 * A route declared idempotent runs under {@code Idempotency-Key} here, so no feature can forget it.
 */
public final class RouteTree {

    private final Routes routes = new Routes();
    private final IdempotentWrites writes;

    public RouteTree(IdempotentWrites writes, HealthController health, MetricsController metrics,
                     Handler openApi, AuthController auth, SiteController sites, TicketController tickets,
                     QueueController queue, EventRoutes events) {
        this.writes = writes;
        declare(health, metrics);
        routes.get("/openapi.json", ANYONE, "This OpenAPI document", Map.class, openApi);
        declare(auth, sites, tickets, queue, events);
    }

    /** Text messages and the patient's status page. */
    public RouteTree withPatientMessaging(SmsController sms, StatusRoutes status) {
        return declare(sms, status);
    }

    /** The waiting-room board as a web page for smart TVs. */
    public RouteTree withDisplayBoard(DisplayController display) {
        return declare(display);
    }

    /** Kiosks report their printers; reception reads them. */
    public RouteTree withDevicePrinters(PrinterController printers) {
        return declare(printers);
    }

    /** An admin purges personal data past the retention now. */
    public RouteTree withPrivacy(PrivacyController privacy) {
        return declare(privacy);
    }

    /** An admin backs up the database and key files now. */
    public RouteTree withBackups(BackupController backups) {
        return declare(backups);
    }

    /** Doctors' schedules, bookings and check-in. */
    public RouteTree withAppointments(AppointmentController appointments) {
        return declare(appointments);
    }

    /** Patients on their own phone: the public page per site and the remote-joining settings. */
    public RouteTree withOnline(OnlineController online) {
        return declare(online);
    }

    /** Tiered alerts: open ones, acknowledging, thresholds. */
    public RouteTree withAlerts(AlertController alerts) {
        return declare(alerts);
    }

    /** Reports of a site over a range of local dates, as JSON or CSV. */
    public RouteTree withReports(ReportController reports) {
        return declare(reports);
    }

    public List<RouteSpec> routes() {
        return routes.http();
    }

    public List<WsRouteSpec> wsRoutes() {
        return routes.ws();
    }

    /** What Javalin runs for a route: its handler, or its idempotent write under {@code Idempotency-Key}. */
    public Handler handler(RouteSpec route) {
        if (!route.idempotent()) {
            return route.handler();
        }
        var write = route.write();
        return ctx -> writes.respond(ctx, write);
    }

    /** Every route, one a line: method, path, roles, and whether it honours {@code Idempotency-Key}. */
    public List<String> describe() {
        var lines = new ArrayList<String>();
        for (RouteSpec route : routes()) {
            lines.add(route.method() + " " + route.path() + " " + roleNames(route.roles())
                    + (route.idempotent() ? " idempotent" : ""));
        }
        for (WsRouteSpec ws : wsRoutes()) {
            lines.add("WS " + ws.path() + " " + roleNames(ws.roles()));
        }
        return lines;
    }

    private static String roleNames(Set<Role> roles) {
        return String.join(" ", roles.stream().map(Role::wireName).sorted().toList());
    }

    private RouteTree declare(RouteSource... features) {
        for (RouteSource feature : features) {
            feature.routes(routes);
        }
        return this;
    }
}
