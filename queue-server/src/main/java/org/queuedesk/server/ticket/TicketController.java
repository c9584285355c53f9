package org.queuedesk.server.ticket;

import io.javalin.http.Context;
import java.time.Clock;
import java.time.LocalDate;
import org.queuedesk.common.ticket.ChangePriorityRequest;
import org.queuedesk.common.ticket.IssueTicketRequest;
import org.queuedesk.common.ticket.TransferRequest;
import org.queuedesk.common.ticket.Priority;
import org.queuedesk.common.ticket.TicketSource;
import org.queuedesk.server.ground.AccessCheck;
import org.queuedesk.server.ground.ApiProblem;
import org.queuedesk.server.ground.Principal;
import org.queuedesk.server.ground.Requests;
import org.queuedesk.server.idempotency.IdempotentWrites;
import org.queuedesk.server.idempotency.IdempotentWrites.Reply;
import org.queuedesk.server.site.SiteService;

/** HTTP for tickets. Every POST goes through {@link IdempotentWrites}. */
public final class TicketController {

    private final TicketService tickets;
    private final SiteService sites;
    private final IdempotentWrites writes;
    private final Clock clock;

    public TicketController(TicketService tickets, SiteService sites, IdempotentWrites writes, Clock clock) {
        this.tickets = tickets;
        this.sites = sites;
        this.writes = writes;
        this.clock = clock;
    }

    public void issue(Context ctx) {
        var principal = AccessCheck.principal(ctx);
        var request = principal.device() ? asKioskTicket(Requests.body(ctx, IssueTicketRequest.class), principal)
                : Requests.body(ctx, IssueTicketRequest.class);
        IssueTicketValidator.validate(request);
        String actor = principal.name();
        writes.respond(ctx, tx -> new Reply(201, StaffView.of(tickets.issue(tx, request, actor))));
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

    public void cancel(Context ctx) {
        long id = Requests.id(ctx, "ticketId");
        String actor = Requests.actor(ctx);
        writes.respond(ctx, tx -> new Reply(200, StaffView.of(tickets.cancel(tx, id, actor))));
    }

    public void requeue(Context ctx) {
        long id = Requests.id(ctx, "ticketId");
        String actor = Requests.actor(ctx);
        writes.respond(ctx, tx -> new Reply(200, StaffView.of(tickets.requeue(tx, id, actor))));
    }

    public void changePriority(Context ctx) {
        long id = Requests.id(ctx, "ticketId");
        var request = Requests.body(ctx, ChangePriorityRequest.class);
        ChangePriorityValidator.validate(request);
        String actor = Requests.actor(ctx);
        writes.respond(ctx, tx -> new Reply(200, StaffView.of(tickets.changePriority(tx, id, request.priority(), actor))));
    }

    public void transfer(Context ctx) {
        long id = Requests.id(ctx, "ticketId");
        var request = Requests.body(ctx, TransferRequest.class);
        TransferValidator.validate(request);
        String actor = Requests.actor(ctx);
        writes.respond(ctx, tx -> new Reply(200, StaffView.of(tickets.transfer(tx, id, request, actor))));
    }
}
