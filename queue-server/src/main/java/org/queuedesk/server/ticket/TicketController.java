package org.queuedesk.server.ticket;

import static org.queuedesk.common.Role.KIOSK;
import static org.queuedesk.server.ground.Roles.DESK_AND_CLINICIANS;
import static org.queuedesk.server.ground.Roles.FRONT_DESK;
import static org.queuedesk.server.ground.Roles.STAFF;
import static org.queuedesk.server.ground.Roles.with;
import static org.queuedesk.server.ground.Routes.listOf;

import io.javalin.http.Context;
import java.time.Clock;
import java.time.LocalDate;
import org.queuedesk.common.ticket.ChangePriorityRequest;
import org.queuedesk.common.ticket.IssueTicketRequest;
import org.queuedesk.common.ticket.TransferRequest;
import org.queuedesk.common.ticket.Priority;
import org.queuedesk.common.ticket.TicketSource;
import org.queuedesk.server.ground.ApiProblem;
import org.queuedesk.server.ground.Principal;
import org.queuedesk.server.ground.Requests;
import org.queuedesk.server.ground.Reply;
import org.queuedesk.server.ground.IdempotentHandler.Change;
import org.queuedesk.server.site.SiteService;
import org.queuedesk.common.ticket.TicketDto;
import org.queuedesk.common.ticket.TicketEventDto;
import org.queuedesk.common.ticket.TicketPhoneDto;
import org.queuedesk.server.ground.RouteSource;
import org.queuedesk.server.ground.Routes;

/** HTTP for tickets. Every POST is declared idempotent: it returns its change and the route tree makes it. */
public final class TicketController implements RouteSource {

    private final TicketService tickets;
    private final SiteService sites;
    private final Clock clock;

    public TicketController(TicketService tickets, SiteService sites, Clock clock) {
        this.tickets = tickets;
        this.sites = sites;
        this.clock = clock;
    }

    @Override
    public void routes(Routes routes) {
        routes.get("/api/sites/{siteId}/tickets", STAFF, "Find a ticket by number (?number=A-042&date=)", TicketDto.class,
                this::lookup);
        routes.idempotentCreate("/api/tickets", with(FRONT_DESK, KIOSK), "Issue a ticket", IssueTicketRequest.class,
                TicketDto.class, this::issue);
        routes.get("/api/tickets/{ticketId}", STAFF, "Get a ticket", TicketDto.class, this::find);
        routes.get("/api/tickets/{ticketId}/phone", FRONT_DESK,
                "A ticket's full phone number, to confirm it with the patient (audited; elsewhere it is masked)",
                TicketPhoneDto.class, this::phone);
        routes.get("/api/tickets/{ticketId}/history", STAFF, "A ticket's full history", listOf(TicketEventDto.class),
                this::history);
        routes.idempotentPost("/api/tickets/{ticketId}/cancel", FRONT_DESK, "Cancel a waiting ticket", null,
                TicketDto.class, this::cancel);
        routes.idempotentPost("/api/tickets/{ticketId}/requeue", DESK_AND_CLINICIANS, "Put a no-show back in the queue",
                null, TicketDto.class, this::requeue);
        routes.idempotentPost("/api/tickets/{ticketId}/priority", FRONT_DESK, "Change a waiting ticket's priority",
                ChangePriorityRequest.class, TicketDto.class, this::changePriority);
        routes.idempotentPost("/api/tickets/{ticketId}/transfer", DESK_AND_CLINICIANS,
                "Transfer a ticket to another service, keeping its number", TransferRequest.class, TicketDto.class,
                this::transfer);
        routes.get("/api/services/{serviceId}/tickets", STAFF, "Today's tickets at a service (?date=)",
                listOf(TicketDto.class), this::forService);
    }

    public Change issue(Context ctx, Principal principal) {
        var request = principal.device() ? asKioskTicket(Requests.body(ctx, IssueTicketRequest.class), principal)
                : Requests.body(ctx, IssueTicketRequest.class);
        IssueTicketValidator.validate(request);
        String actor = principal.name();
        return tx -> new Reply(201, StaffView.of(tickets.issue(tx, request, actor)));
    }

    /**
     * A kiosk issues plain walk-in tickets at its own site: no names, no priority classes, no doctor, source
     * "kiosk" ({@link KioskTicketValidator}); the service must be one of its own site's.
     */
    private IssueTicketRequest asKioskTicket(IssueTicketRequest request, Principal kiosk) {
        KioskTicketValidator.validate(request);
        if (request.serviceId() != null) {
            var service = sites.findService(request.serviceId());
            if (service.isPresent() && !Long.valueOf(service.get().siteId()).equals(kiosk.siteId())) {
                throw ApiProblem.forbidden("This kiosk belongs to another site than service " + request.serviceId() + ".");
            }
        }
        return new IssueTicketRequest(request.serviceId(), Priority.NORMAL, TicketSource.KIOSK, null, request.phone(),
                null, request.language());
    }

    public void find(Context ctx) {
        ctx.json(StaffView.of(tickets.find(Requests.id(ctx, "ticketId"))));
    }

    /** The full phone number, for reception to confirm it with the patient; every read is in the audit log. */
    public void phone(Context ctx) {
        ctx.json(tickets.phone(Requests.id(ctx, "ticketId"), Requests.actor(ctx)));
    }

    public void history(Context ctx) {
        ctx.json(tickets.history(Requests.id(ctx, "ticketId")));
    }

    /** {@code ?number=A-042&date=2026-11-23}; the date defaults to today at the site. */
    public void lookup(Context ctx) {
        long siteId = Requests.id(ctx, "siteId");
        String number = ctx.queryParamAsClass("number", String.class)
                .check(n -> n != null && n.strip().matches("(?i)[A-Z]{1,3}-[0-9]{1,6}"), "use a ticket number like A-042")
                .get();
        LocalDate date = Requests.dateOr(ctx, "date", LocalDate.now(clock.withZone(sites.zoneOf(siteId))));
        ctx.json(StaffView.of(tickets.findByNumber(siteId, date, number)));
    }

    /** Today's list for one service (or {@code ?date=} another day). */
    public void forService(Context ctx) {
        var service = sites.service(Requests.id(ctx, "serviceId"));
        LocalDate date = Requests.dateOr(ctx, "date", LocalDate.now(clock.withZone(sites.zoneOf(service.siteId()))));
        ctx.json(tickets.forServiceOn(service.id(), date).stream().map(StaffView::of).toList());
    }

    public Change cancel(Context ctx, Principal caller) {
        long id = Requests.id(ctx, "ticketId");
        String actor = caller.name();
        return tx -> new Reply(200, StaffView.of(tickets.cancel(tx, id, actor)));
    }

    public Change requeue(Context ctx, Principal caller) {
        long id = Requests.id(ctx, "ticketId");
        String actor = caller.name();
        return tx -> new Reply(200, StaffView.of(tickets.requeue(tx, id, actor)));
    }

    public Change changePriority(Context ctx, Principal caller) {
        long id = Requests.id(ctx, "ticketId");
        var request = Requests.body(ctx, ChangePriorityRequest.class);
        ChangePriorityValidator.validate(request);
        String actor = caller.name();
        return tx -> new Reply(200, StaffView.of(tickets.changePriority(tx, id, request.priority(), actor)));
    }

    public Change transfer(Context ctx, Principal caller) {
        long id = Requests.id(ctx, "ticketId");
        var request = Requests.body(ctx, TransferRequest.class);
        TransferValidator.validate(request);
        String actor = caller.name();
        return tx -> new Reply(200, StaffView.of(tickets.transfer(tx, id, request, actor)));
    }
}
