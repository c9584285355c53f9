package org.queuedesk.server.online;

import static org.queuedesk.server.ground.Roles.ADMINS;
import static org.queuedesk.server.ground.Roles.ANYONE;
import static org.queuedesk.server.ground.Roles.STAFF;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.HashMap;
import java.util.List;
import org.queuedesk.common.online.RemoteJoiningDto;
import org.queuedesk.common.online.RemoteJoiningRequest;
import org.queuedesk.server.ground.ApiProblem;
import org.queuedesk.server.ground.Requests;
import org.queuedesk.server.ground.RouteSource;
import org.queuedesk.server.ground.Routes;
import org.queuedesk.server.online.OnlinePage.Frame;
import org.queuedesk.server.online.OnlinePage.Message;
import org.queuedesk.server.online.OnlinePage.ServiceLine;

/**
 * Patients on their own phone: {@code /p/{siteId}} (public) lists the services with their queues and takes a
 * ticket through a code by text message; admins open services to it. The page's forms are plain posts that
 * answer with the next page; a client that asks for JSON gets application/problem+json for a refusal instead.
 */
public final class OnlineController implements RouteSource {

    private final OnlineService online;
    private final RemoteJoining joining;
    private final OnlinePorts ports;
    private final OnlinePage page;
    private final FormGuard guard;
    private final java.time.Clock clock;
    private final OnlineBookingPages bookingPages;

    public OnlineController(OnlineService online, RemoteJoining joining, OnlinePorts ports, OnlinePage page,
                            java.util.function.Supplier<String> publicUrl, java.time.Clock clock,
                            OnlineBookings bookings) {
        this.online = online;
        this.joining = joining;
        this.ports = ports;
        this.page = page;
        this.guard = new FormGuard(publicUrl);
        this.clock = clock;
        this.bookingPages = new OnlineBookingPages(online, bookings, ports, page, guard,
                new FormGuard(publicUrl, "/m"), publicUrl, clock);
    }

    @Override
    public void routes(Routes routes) {
        routes.get("/p/{siteId}", ANYONE, "The patients' page of a site: services, queues, get a number (HTML)", null,
                this::page);
        routes.post("/p/{siteId}/code", ANYONE, "A patient asks for a 6-digit code by text message (HTML form post)",
                null, null, this::code);
        routes.post("/p/{siteId}/ticket", ANYONE,
                "A patient types the code and gets a ticket (HTML form post; 303 to its status page)", null, null,
                this::ticket);
        routes.get("/api/services/{serviceId}/remote-joining", STAFF,
                "Whether patients may take a ticket for a service from their phone, when, and how many at once",
                RemoteJoiningDto.class, ctx -> ctx.json(joining.get(Requests.id(ctx, "serviceId"))));
        routes.put("/api/services/{serviceId}/remote-joining", ADMINS,
                "Open or close a service to tickets from patients' phones, with hours and a cap",
                RemoteJoiningRequest.class, RemoteJoiningDto.class, this::setJoining);
        routes.post("/api/sites/{siteId}/remote-joining/close", ADMINS,
                "Close every service of a site to tickets from patients' phones now (the clinic is full)", null,
                Routes.listOf(RemoteJoiningDto.class), ctx -> ctx.json(joining.closeAll(Requests.id(ctx, "siteId"))));
        bookingPages.routes(routes);
    }

    private void setJoining(Context ctx) {
        var request = Requests.body(ctx, RemoteJoiningRequest.class);
        RemoteJoiningValidator.validate(request);
        ctx.json(joining.set(Requests.id(ctx, "serviceId"), request));
    }

    void page(Context ctx) {
        headers(ctx);
        var frame = frame(ctx, ctx.queryParam("lang"));
        ctx.html(page.services(frame, services(frame), null, null));
    }

    void code(Context ctx) {
        headers(ctx);
        var frame = frame(ctx, ctx.formParam("lang"));
        long serviceId = serviceId(ctx);
        String phone = ctx.formParam("phone");
        try {
            guard.check(ctx);
            var outcome = online.requestCode(frame.siteId(), serviceId, phone, ctx.ip(), frame.lang());
            if (!outcome.sent()) {
                ctx.html(page.services(frame, services(frame), phone, bad(frame, "opted_out")));
                return;
            }
            ctx.html(page.code(frame, serviceId, serviceName(serviceId, frame.lang()), outcome.phone(), null));
        } catch (RuntimeException e) {
            var refused = refusal(ctx, e);
            ctx.status(refused.status()).html(page.services(frame, services(frame), phone, bad(frame, refused.key())));
        }
    }

    void ticket(Context ctx) {
        headers(ctx);
        var frame = frame(ctx, ctx.formParam("lang"));
        long serviceId = serviceId(ctx);
        String phone = ctx.formParam("phone");
        try {
            guard.check(ctx);
            var joined = online.join(frame.siteId(), serviceId, phone, ctx.formParam("code"), ctx.ip(), frame.lang());
            ctx.redirect(joined.statusPath(), HttpStatus.SEE_OTHER); // the ticket keeps the page's language
        } catch (RuntimeException e) {
            var refused = refusal(ctx, e);
            ctx.status(refused.status());
            if ("wrong_code".equals(refused.key()) && phone != null) {
                ctx.html(page.code(frame, serviceId, serviceName(serviceId, frame.lang()), phone, bad(frame, "wrong_code")));
            } else {
                ctx.html(page.services(frame, services(frame), null, bad(frame, refused.key())));
            }
        }
    }

    /**
     * A refusal as the page says it; for a client that wants JSON, the same as application/problem+json. Problems
     * from other features (a full day of texts to one number, a service closed meanwhile) read as their kind.
     */
    static Refused refusal(Context ctx, RuntimeException e) {
        String accept = ctx.header("Accept");
        boolean html = accept != null && accept.contains("text/html");
        if (e instanceof Refused refused) {
            if (!html) {
                throw refused.problem();
            }
            return refused;
        }
        if (e instanceof ApiProblem problem) {
            if (!html || problem.status() == 404) {
                throw problem;
            }
            String key = switch (problem.status()) {
                case 429 -> "limit_phone";
                case 409 -> "closed";
                case 400 -> "bad_phone";
                default -> "error";
            };
            return new Refused(problem.status(), key, null, problem.getMessage());
        }
        throw e;
    }

    Frame frame(Context ctx, String chosenLanguage) {
        long siteId = Requests.id(ctx, "siteId");
        var site = ports.sites().site(siteId);
        return new Frame(siteId, site.name(), OnlineTexts.language(chosenLanguage, ctx.header("Accept-Language")),
                guard.token(ctx));
    }

    List<ServiceLine> services(Frame frame) {
        var queues = new HashMap<Long, org.queuedesk.common.queue.QueueStatusDto.ServiceQueue>();
        ports.queues().status(frame.siteId()).services().forEach(q -> queues.put(q.serviceId(), q));
        var zone = java.time.ZoneId.of(ports.sites().site(frame.siteId()).timeZone());
        var now = clock.instant();
        var settings = joining.settings(frame.siteId());
        String lang = frame.lang();
        return ports.siteServices().services(frame.siteId()).stream().filter(s -> s.active()).map(service -> {
            var queue = queues.get(service.id());
            int waiting = queue == null ? 0 : queue.waiting();
            String waitText = queue == null || queue.waitLowMinutes() == null ? page.word(lang, "wait_unknown")
                    : page.word(lang, "wait").replace("{min}", queue.waitLowMinutes().toString())
                            .replace("{max}", queue.waitHighMinutes().toString());
            var setting = settings.get(service.id());
            boolean joinable = setting != null && setting.openAt(now, zone);
            return new ServiceLine(service.id(), nameIn(service, lang),
                    page.word(lang, "waiting").replace("{count}", Integer.toString(waiting)), waitText, joinable);
        }).toList();
    }

    private String serviceName(long serviceId, String lang) {
        return nameIn(ports.services().service(serviceId), lang);
    }

    static String nameIn(org.queuedesk.common.site.ServiceDto service, String lang) {
        String name = service.names() == null ? null : service.names().get(lang);
        return name == null || name.isBlank() ? service.name() : name;
    }

    private Message bad(Frame frame, String key) {
        return new Message(page.word(frame.lang(), key), "bad");
    }

    private static long serviceId(Context ctx) {
        try {
            return Long.parseLong(ctx.formParam("service") == null ? "" : ctx.formParam("service").strip());
        } catch (NumberFormatException e) {
            throw ApiProblem.invalidField("service", "must be the id of one of the site's services.");
        }
    }

    static void headers(Context ctx) {
        ctx.header("Content-Security-Policy", "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; "
                + "form-action 'self'; base-uri 'none'; frame-ancestors 'none'");
        ctx.header("Referrer-Policy", "no-referrer");
        ctx.header("X-Robots-Tag", "noindex");
    }
}
