package org.queuedesk.server.app;

import static org.queuedesk.common.Role.ADMIN;
import static org.queuedesk.common.Role.DISPLAY;
import static org.queuedesk.common.Role.DOCTOR;
import static org.queuedesk.common.Role.KIOSK;
import static org.queuedesk.common.Role.PUBLIC;
import static org.queuedesk.common.Role.RECEPTIONIST;

import io.javalin.http.Handler;
import io.javalin.http.HandlerType;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.queuedesk.common.Role;
import org.queuedesk.common.queue.NextRequest;
import org.queuedesk.common.queue.NextResult;
import org.queuedesk.common.queue.OpenSessionRequest;
import org.queuedesk.common.queue.QueueStatusDto;
import org.queuedesk.common.queue.SessionDto;
import org.queuedesk.common.site.CreateRoomRequest;
import org.queuedesk.common.site.CreateServiceRequest;
import org.queuedesk.common.site.CreateSiteRequest;
import org.queuedesk.common.site.RoomDto;
import org.queuedesk.common.site.ServiceDto;
import org.queuedesk.common.site.SiteDto;
import org.queuedesk.common.ticket.ChangePriorityRequest;
import org.queuedesk.common.ticket.IssueTicketRequest;
import org.queuedesk.common.ticket.TicketDto;
import org.queuedesk.common.ticket.TicketEventDto;
import org.queuedesk.common.ticket.TransferRequest;
import org.queuedesk.server.event.EventStream;
import org.queuedesk.server.health.HealthController;
import org.queuedesk.server.health.MetricsController;
import org.queuedesk.server.queue.QueueController;
import org.queuedesk.server.site.SiteController;
import org.queuedesk.server.ticket.TicketController;

/**
 * The one route tree: every route with the roles that may call it. {@link AccessCheck} enforces these
 * roles and {@link OpenApiDocument} publishes them; a route cannot be added without declaring them.
 */
public final class RouteTree {

    private static final Set<Role> STAFF = EnumSet.of(ADMIN, RECEPTIONIST, DOCTOR);
    private static final Set<Role> FRONT_DESK = EnumSet.of(ADMIN, RECEPTIONIST);
    private static final Set<Role> CLINICIANS = EnumSet.of(ADMIN, DOCTOR);
    private static final Set<Role> DESK_AND_CLINICIANS = EnumSet.of(ADMIN, RECEPTIONIST, DOCTOR);
    private static final Set<Role> ADMINS = EnumSet.of(ADMIN);
    private static final Set<Role> ANYONE = EnumSet.of(PUBLIC);

    private final List<RouteSpec> routes = new ArrayList<>();
    private final List<WsRouteSpec> wsRoutes = new ArrayList<>();

    public RouteTree(HealthController health, MetricsController metrics, SiteController sites,
                     TicketController tickets, QueueController queue, EventStream stream, Handler openApi) {
        get("/health", ANYONE, "Health: database reachable and schema version", null, health::health);
        get("/metrics", ANYONE, "Prometheus metrics", null, metrics::scrape);
        get("/openapi.json", ANYONE, "This OpenAPI document", null, openApi);

        get("/api/sites", with(STAFF, KIOSK, DISPLAY), "List sites", listOf(SiteDto.class), sites::listSites);
        post("/api/sites", ADMINS, "Create a site", CreateSiteRequest.class, SiteDto.class, false, sites::createSite);
        get("/api/sites/{siteId}", with(STAFF, KIOSK, DISPLAY), "Get a site", SiteDto.class, sites::getSite);
        get("/api/sites/{siteId}/services", with(STAFF, KIOSK, DISPLAY), "List a site's services", listOf(ServiceDto.class),
                sites::listServices);
        post("/api/sites/{siteId}/services", ADMINS, "Create a service", CreateServiceRequest.class, ServiceDto.class,
                false, sites::createService);
        get("/api/sites/{siteId}/rooms", with(STAFF, DISPLAY), "List a site's rooms", listOf(RoomDto.class), sites::listRooms);
        post("/api/sites/{siteId}/rooms", ADMINS, "Create a room", CreateRoomRequest.class, RoomDto.class, false,
                sites::createRoom);
        get("/api/sites/{siteId}/queue-status", with(STAFF, DISPLAY),
                "Waiting counts per service and who is called in each room", QueueStatusDto.class, queue::status);
        get("/api/sites/{siteId}/tickets", STAFF, "Find a ticket by number (?number=A-042&date=)", TicketDto.class,
                tickets::lookup);

        post("/api/tickets", with(FRONT_DESK, KIOSK), "Issue a ticket", IssueTicketRequest.class, TicketDto.class, true,
                tickets::issue);
        get("/api/tickets/{ticketId}", STAFF, "Get a ticket", TicketDto.class, tickets::find);
        get("/api/tickets/{ticketId}/history", STAFF, "A ticket's full history", listOf(TicketEventDto.class), tickets::history);
        post("/api/tickets/{ticketId}/cancel", FRONT_DESK, "Cancel a waiting ticket", null, TicketDto.class, true,
                tickets::cancel);
        post("/api/tickets/{ticketId}/requeue", DESK_AND_CLINICIANS, "Put a no-show back in the queue", null,
                TicketDto.class, true, tickets::requeue);
        post("/api/tickets/{ticketId}/priority", FRONT_DESK, "Change a waiting ticket's priority",
                ChangePriorityRequest.class, TicketDto.class, true, tickets::changePriority);
        post("/api/tickets/{ticketId}/transfer", DESK_AND_CLINICIANS,
                "Transfer a ticket to another service, keeping its number", TransferRequest.class, TicketDto.class, true,
                tickets::transfer);
        get("/api/services/{serviceId}/tickets", STAFF, "Today's tickets at a service (?date=)", listOf(TicketDto.class),
                tickets::forService);

        post("/api/sessions", CLINICIANS, "Open a doctor's session at a room", OpenSessionRequest.class,
                SessionDto.class, true, queue::open);
        get("/api/sessions/{sessionId}", STAFF, "Get a session", SessionDto.class, queue::get);
        post("/api/sessions/{sessionId}/next", CLINICIANS, "Next: finish the current patient and call the next",
                NextRequest.class, NextResult.class, true, queue::next);
        post("/api/sessions/{sessionId}/recall", CLINICIANS, "Call the current patient again", null, TicketDto.class,
                true, queue::recall);
        post("/api/sessions/{sessionId}/serve", CLINICIANS, "The called patient has arrived", null, TicketDto.class, true,
                queue::serve);
        post("/api/sessions/{sessionId}/done", CLINICIANS, "Finish the current patient", null, TicketDto.class, true,
                queue::done);
        post("/api/sessions/{sessionId}/no-show", CLINICIANS, "The called patient did not come", null, TicketDto.class,
                true, queue::noShow);
        post("/api/sessions/{sessionId}/pause", CLINICIANS, "Pause calling", null, SessionDto.class, true, queue::pause);
        post("/api/sessions/{sessionId}/resume", CLINICIANS, "Resume calling", null, SessionDto.class, true,
                queue::resume);
        post("/api/sessions/{sessionId}/close", CLINICIANS, "Close the session", null, SessionDto.class, true,
                queue::close);

        wsRoutes.add(new WsRouteSpec("/api/sites/{siteId}/events", with(STAFF, DISPLAY, KIOSK),
                "Live events of a site; ?since=N first replays what came after N", stream::configure));
    }

    public List<RouteSpec> routes() {
        return List.copyOf(routes);
    }

    public List<WsRouteSpec> wsRoutes() {
        return List.copyOf(wsRoutes);
    }

    private static Set<Role> with(Set<Role> base, Role... more) {
        var roles = EnumSet.copyOf(base);
        roles.addAll(List.of(more));
        return roles;
    }

    private static java.lang.reflect.Type listOf(Class<?> element) {
        return new ListType(element);
    }

    private record ListType(Class<?> element) implements java.lang.reflect.ParameterizedType {
        @Override
        public java.lang.reflect.Type[] getActualTypeArguments() {
            return new java.lang.reflect.Type[] {element};
        }

        @Override
        public java.lang.reflect.Type getRawType() {
            return List.class;
        }

        @Override
        public java.lang.reflect.Type getOwnerType() {
            return null;
        }
    }

    private void get(String path, Set<Role> roles, String summary, java.lang.reflect.Type response, Handler handler) {
        routes.add(new RouteSpec(HandlerType.GET, path, roles, summary, null, response, false, handler));
    }

    private void post(String path, Set<Role> roles, String summary, Class<?> body, java.lang.reflect.Type response,
                      boolean idempotent, Handler handler) {
        routes.add(new RouteSpec(HandlerType.POST, path, roles, summary, body, response, idempotent, handler));
    }
}
