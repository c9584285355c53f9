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
import org.queuedesk.common.site.NamesRequest;
import org.queuedesk.common.site.RoomDto;
import org.queuedesk.common.site.ServiceDto;
import org.queuedesk.common.site.SiteDto;
import org.queuedesk.common.ticket.ChangePriorityRequest;
import org.queuedesk.common.ticket.IssueTicketRequest;
import org.queuedesk.common.ticket.TicketDto;
import org.queuedesk.common.ticket.TicketEventDto;
import org.queuedesk.common.ticket.TicketPhoneDto;
import org.queuedesk.common.ticket.TransferRequest;
import org.queuedesk.common.auth.AuthConfigDto;
import org.queuedesk.common.auth.CreateUserRequest;
import org.queuedesk.common.auth.DeviceDto;
import org.queuedesk.common.auth.DevicePrinterDto;
import org.queuedesk.common.auth.PrinterStatusRequest;
import org.queuedesk.common.auth.LoginRequest;
import org.queuedesk.common.auth.RefreshRequest;
import org.queuedesk.common.auth.RegisterDeviceRequest;
import org.queuedesk.common.auth.RegisteredDeviceDto;
import org.queuedesk.common.auth.ResetPasswordRequest;
import org.queuedesk.common.auth.TokenResponse;
import org.queuedesk.common.auth.UserDto;
import org.queuedesk.common.auth.WhoAmIDto;
import org.queuedesk.server.auth.AuditEntry;
import org.queuedesk.server.auth.AuthController;
import org.queuedesk.server.device.PrinterController;
import org.queuedesk.server.display.DisplayController;
import org.queuedesk.server.event.EventStream;
import org.queuedesk.server.health.HealthController;
import org.queuedesk.server.health.MetricsController;
import org.queuedesk.server.privacy.PrivacyController;
import org.queuedesk.server.privacy.PurgeReport;
import org.queuedesk.server.queue.QueueController;
import org.queuedesk.common.notify.SmsSiteSettingsDto;
import org.queuedesk.common.notify.SmsTemplateDto;
import org.queuedesk.common.notify.SmsTemplateRequest;
import org.queuedesk.common.notify.StatusLinkDto;
import org.queuedesk.common.notify.TicketSmsDto;
import org.queuedesk.server.notify.SmsController;
import org.queuedesk.server.status.StatusController;
import org.queuedesk.server.status.StatusStream;
import org.queuedesk.server.status.StatusView;
import io.javalin.http.sse.SseHandler;
import org.queuedesk.server.site.SiteController;
import org.queuedesk.server.ticket.TicketController;
import org.queuedesk.server.ground.RouteSpec;
import org.queuedesk.server.ground.WsRouteSpec;
import org.queuedesk.server.ground.ApiProblem;

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
                     TicketController tickets, QueueController queue, EventStream stream, AuthController auth,
                     Handler openApi) {
        get("/health", ANYONE, "Health: database reachable and schema version", java.util.Map.class, health::health);
        get("/metrics", ANYONE, "Prometheus metrics", null, metrics::scrape);
        get("/openapi.json", ANYONE, "This OpenAPI document", java.util.Map.class, openApi);

        // sign-in: public entry points, then what only an admin may do
        get("/api/auth/config", ANYONE, "Which identity provider to sign in with", AuthConfigDto.class, auth::config);
        post("/api/auth/login", ANYONE, "Sign in (built-in provider)", LoginRequest.class, TokenResponse.class, false,
                auth::login);
        post("/api/auth/refresh", ANYONE, "Exchange a refresh token for new tokens", RefreshRequest.class,
                TokenResponse.class, false, auth::refresh);
        routes.add(new RouteSpec(HandlerType.POST, "/api/auth/logout", ANYONE, "End a sign-in (revokes the refresh token)",
                RefreshRequest.class, null, false, auth::logout, 204, true));
        get("/api/auth/me", with(STAFF, KIOSK, DISPLAY), "Who am I", WhoAmIDto.class, auth::me);
        get("/api/users", ADMINS, "List built-in users", listOf(UserDto.class), auth::users);
        create("/api/users", ADMINS, "Create a built-in user", CreateUserRequest.class, UserDto.class, false,
                auth::createUser);
        post("/api/users/{username}/disable", ADMINS, "Disable a user (ends their sign-ins)", null, UserDto.class, false,
                auth::disableUser);
        post("/api/users/{username}/enable", ADMINS, "Enable a user", null, UserDto.class, false, auth::enableUser);
        post("/api/users/{username}/password", ADMINS, "Reset a user's password", ResetPasswordRequest.class,
                UserDto.class, false, auth::resetPassword);
        get("/api/devices", ADMINS, "List kiosks and displays", listOf(DeviceDto.class), auth::devices);
        create("/api/devices", ADMINS, "Create (register) a kiosk or display; its token is shown once",
                RegisterDeviceRequest.class, RegisteredDeviceDto.class, false, auth::registerDevice);
        post("/api/devices/{deviceId}/revoke", ADMINS, "Revoke a device's token", null, DeviceDto.class, false,
                auth::revokeDevice);
        get("/api/audit", ADMINS, "The latest audit log entries (?limit=)", listOf(AuditEntry.class), auth::audit);

        get("/api/sites", with(STAFF, KIOSK, DISPLAY), "List sites", listOf(SiteDto.class), sites::listSites);
        create("/api/sites", ADMINS, "Create a site", CreateSiteRequest.class, SiteDto.class, false, sites::createSite);
        get("/api/sites/{siteId}", with(STAFF, KIOSK, DISPLAY), "Get a site", SiteDto.class, sites::getSite);
        get("/api/sites/{siteId}/services", with(STAFF, KIOSK, DISPLAY), "List a site's services", listOf(ServiceDto.class),
                sites::listServices);
        create("/api/sites/{siteId}/services", ADMINS, "Create a service", CreateServiceRequest.class, ServiceDto.class,
                false, sites::createService);
        get("/api/sites/{siteId}/rooms", with(STAFF, DISPLAY), "List a site's rooms", listOf(RoomDto.class), sites::listRooms);
        create("/api/sites/{siteId}/rooms", ADMINS, "Create a room", CreateRoomRequest.class, RoomDto.class, false,
                sites::createRoom);
        put("/api/services/{serviceId}/names", ADMINS,
                "Set a service's names in other languages ({\"names\": {\"es\": …, \"ar\": …}}; left out: the default name)",
                NamesRequest.class, ServiceDto.class, sites::setServiceNames);
        put("/api/rooms/{roomId}/names", ADMINS,
                "Set a room's names in other languages ({\"names\": {\"es\": …, \"ar\": …}}; left out: the default name)",
                NamesRequest.class, RoomDto.class, sites::setRoomNames);
        get("/api/sites/{siteId}/queue-status", with(STAFF, DISPLAY),
                "Waiting counts per service and who is called in each room", QueueStatusDto.class, queue::status);
        get("/api/sites/{siteId}/tickets", STAFF, "Find a ticket by number (?number=A-042&date=)", TicketDto.class,
                tickets::lookup);

        create("/api/tickets", with(FRONT_DESK, KIOSK), "Issue a ticket", IssueTicketRequest.class, TicketDto.class, true,
                tickets::issue);
        get("/api/tickets/{ticketId}", STAFF, "Get a ticket", TicketDto.class, tickets::find);
        get("/api/tickets/{ticketId}/phone", FRONT_DESK,
                "A ticket's full phone number, to confirm it with the patient (audited; elsewhere it is masked)",
                TicketPhoneDto.class, tickets::phone);
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

        create("/api/sessions", CLINICIANS, "Open a doctor's session at a room", OpenSessionRequest.class,
                SessionDto.class, true, queue::open);
        get("/api/sessions/{sessionId}", STAFF, "Get a session", SessionDto.class, queue::get);
        // the body is optional: a plain Next (no body) finishes whoever is current
        routes.add(new RouteSpec(HandlerType.POST, "/api/sessions/{sessionId}/next", CLINICIANS,
                "Next: finish the current patient and call the next", NextRequest.class, NextResult.class, true,
                queue::next, 200, false));
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

    /**
     * Text messages and the patient's status page. The {@code /t/} routes are public and reach one
     * ticket only through its unguessable token; they never show a name or phone number.
     */
    public RouteTree withPatientMessaging(SmsController sms, StatusController status, StatusStream statusStream) {
        get("/api/tickets/{ticketId}/sms", STAFF, "A ticket's text messages and their delivery state",
                TicketSmsDto.class, sms::ticketSms);
        get("/api/tickets/{ticketId}/status-link", with(STAFF, KIOSK),
                "The patient's status page link of a ticket (for a QR code)", StatusLinkDto.class, sms::statusLink);
        get("/api/services/{serviceId}/sms-texts", STAFF, "A service's text messages in every language",
                listOf(SmsTemplateDto.class), sms::texts);
        post("/api/services/{serviceId}/sms-texts", ADMINS, "Set (or, with empty text, reset) one text of a service",
                SmsTemplateRequest.class, SmsTemplateDto.class, false, sms::saveText);
        get("/api/sites/{siteId}/sms-settings", STAFF, "A site's phone region and message language",
                SmsSiteSettingsDto.class, sms::siteSettings);
        post("/api/sites/{siteId}/sms-settings", ADMINS, "Set a site's phone region and message language",
                SmsSiteSettingsDto.class, SmsSiteSettingsDto.class, false, sms::saveSiteSettings);
        get("/t/{token}", ANYONE, "The patient's status page (HTML)", null, status::page);
        get("/t/{token}/status", ANYONE, "The patient's status as JSON", StatusView.class, status::json);
        get("/t/{token}/events", ANYONE, "Server-sent events: the patient's status whenever it changes", null,
                eventStreamOnly(new SseHandler(statusStream::connect)));
        post("/t/{token}/cancel", ANYONE, "The patient cancels their ticket (idempotent)", null, StatusView.class, false,
                status::cancel);
        post("/t/{token}/stop-sms", ANYONE, "The patient stops text messages (idempotent)", null, StatusView.class, false,
                status::stopTexts);
        return this;
    }

    /**
     * The waiting-room board as a web page for smart TVs. The HTML shell is public and holds no
     * data; its script reads the board with the display's device token and opens the stream with
     * {@code access_token=}, which for a device never carries names or phone numbers.
     */
    public RouteTree withDisplayBoard(DisplayController display) {
        get("/display/{siteId}", ANYONE, "The waiting-room board (HTML); add the display's token as ?token=", null,
                display::page);
        return this;
    }

    /**
     * Kiosk printer trouble: a kiosk reports its own printer after each print attempt; a change of
     * state is a {@code device.printer} event, and reception reads the current states when it starts.
     */
    public RouteTree withDevicePrinters(PrinterController printers) {
        post("/api/devices/me/printer", EnumSet.of(KIOSK), "A kiosk reports its printer (ok, offline, paper_out, failed)",
                PrinterStatusRequest.class, DevicePrinterDto.class, false, printers::report);
        get("/api/sites/{siteId}/devices/printers", STAFF, "The printer state each kiosk of a site last reported",
                listOf(DevicePrinterDto.class), printers::atSite);
        return this;
    }

    /** Personal data past the retention: purged hourly; an admin can purge now and see the counts. */
    public RouteTree withPrivacy(PrivacyController privacy) {
        post("/api/admin/privacy/purge", ADMINS,
                "Purge patients' names and phone numbers older than the retention now; returns the counts", null,
                PurgeReport.class, false, privacy::purge);
        return this;
    }

    public List<RouteSpec> routes() {
        return List.copyOf(routes);
    }

    public List<WsRouteSpec> wsRoutes() {
        return List.copyOf(wsRoutes);
    }

    /**
     * Javalin's SSE handler answers anything but exactly {@code Accept: text/event-stream} (what a browser's
     * EventSource sends) with an empty 200; say instead what the route serves.
     */
    private static Handler eventStreamOnly(Handler sse) {
        return ctx -> {
            String accept = ctx.header("Accept");
            if (accept == null || !accept.strip().equalsIgnoreCase("text/event-stream")) {
                throw ApiProblem.notAcceptable("This route is a stream of server-sent events: send"
                        + " 'Accept: text/event-stream' (a browser's EventSource does); GET /t/{token}/status gives the"
                        + " status once as JSON.");
            }
            sse.handle(ctx);
        };
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

    private void put(String path, Set<Role> roles, String summary, Class<?> body, java.lang.reflect.Type response,
                     Handler handler) {
        routes.add(new RouteSpec(HandlerType.PUT, path, roles, summary, body, response, false, handler));
    }

    private void post(String path, Set<Role> roles, String summary, Class<?> body, java.lang.reflect.Type response,
                      boolean idempotent, Handler handler) {
        routes.add(new RouteSpec(HandlerType.POST, path, roles, summary, body, response, idempotent, handler));
    }

    /** A POST that creates something: 201 Created. */
    private void create(String path, Set<Role> roles, String summary, Class<?> body, java.lang.reflect.Type response,
                        boolean idempotent, Handler handler) {
        routes.add(new RouteSpec(HandlerType.POST, path, roles, summary, body, response, idempotent, handler, 201, true));
    }
}
