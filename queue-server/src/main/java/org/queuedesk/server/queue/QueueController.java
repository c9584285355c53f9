package org.queuedesk.server.queue;

import static org.queuedesk.common.Role.DISPLAY;
import static org.queuedesk.server.ground.Roles.CLINICIANS;
import static org.queuedesk.server.ground.Roles.STAFF;
import static org.queuedesk.server.ground.Roles.with;

import io.javalin.http.Context;
import org.queuedesk.common.queue.NextRequest;
import org.queuedesk.common.queue.OpenSessionRequest;
import org.queuedesk.server.ground.Requests;
import org.queuedesk.server.ground.Principal;
import org.queuedesk.server.ground.Reply;
import org.queuedesk.server.ground.IdempotentHandler.Change;
import org.queuedesk.server.ticket.StaffView;
import org.queuedesk.common.queue.NextResult;
import org.queuedesk.common.queue.QueueStatusDto;
import org.queuedesk.common.queue.SessionDto;
import org.queuedesk.common.ticket.TicketDto;
import org.queuedesk.server.ground.RouteSource;
import org.queuedesk.server.ground.Routes;

/** HTTP for doctors' sessions, Next and the queue overview. */
public final class QueueController implements RouteSource {

    private final QueueService queue;

    public QueueController(QueueService queue) {
        this.queue = queue;
    }

    @Override
    public void routes(Routes routes) {
        routes.get("/api/sites/{siteId}/queue-status", with(STAFF, DISPLAY),
                "Waiting counts per service and who is called in each room", QueueStatusDto.class, this::status);
        routes.idempotentCreate("/api/sessions", CLINICIANS, "Open a doctor's session at a room", OpenSessionRequest.class,
                SessionDto.class, this::open);
        routes.get("/api/sessions/{sessionId}", STAFF, "Get a session", SessionDto.class, this::get);
        // the body is optional: a plain Next (no body) finishes whoever is current
        routes.idempotentPostOptionalBody("/api/sessions/{sessionId}/next", CLINICIANS,
                "Next: finish the current patient and call the next", NextRequest.class, NextResult.class, this::next);
        routes.idempotentPost("/api/sessions/{sessionId}/recall", CLINICIANS, "Call the current patient again", null,
                TicketDto.class, this::recall);
        routes.idempotentPost("/api/sessions/{sessionId}/serve", CLINICIANS, "The called patient has arrived", null,
                TicketDto.class, this::serve);
        routes.idempotentPost("/api/sessions/{sessionId}/done", CLINICIANS, "Finish the current patient", null,
                TicketDto.class, this::done);
        routes.idempotentPost("/api/sessions/{sessionId}/no-show", CLINICIANS, "The called patient did not come", null,
                TicketDto.class, this::noShow);
        routes.idempotentPost("/api/sessions/{sessionId}/pause", CLINICIANS, "Pause calling", null, SessionDto.class,
                this::pause);
        routes.idempotentPost("/api/sessions/{sessionId}/resume", CLINICIANS, "Resume calling", null, SessionDto.class,
                this::resume);
        routes.idempotentPost("/api/sessions/{sessionId}/close", CLINICIANS, "Close the session", null, SessionDto.class,
                this::close);
    }

    public Change open(Context ctx, Principal caller) {
        var request = Requests.body(ctx, OpenSessionRequest.class);
        OpenSessionValidator.validate(request);
        return tx -> new Reply(201, queue.open(tx, request, caller));
    }

    public void get(Context ctx) {
        ctx.json(queue.session(Requests.id(ctx, "sessionId")));
    }

    public Change next(Context ctx, Principal caller) {
        long id = Requests.id(ctx, "sessionId");
        var request = Requests.optionalBody(ctx, NextRequest.class);
        Long expected = request == null ? null : request.expectedCurrentTicketId();
        return tx -> new Reply(200, StaffView.of(queue.next(tx, id, expected, caller)));
    }

    public Change recall(Context ctx, Principal caller) {
        long id = Requests.id(ctx, "sessionId");
        return tx -> new Reply(200, StaffView.of(queue.recall(tx, id, caller)));
    }

    public Change serve(Context ctx, Principal caller) {
        long id = Requests.id(ctx, "sessionId");
        return tx -> new Reply(200, StaffView.of(queue.serve(tx, id, caller)));
    }

    public Change done(Context ctx, Principal caller) {
        long id = Requests.id(ctx, "sessionId");
        return tx -> new Reply(200, StaffView.of(queue.done(tx, id, caller)));
    }

    public Change noShow(Context ctx, Principal caller) {
        long id = Requests.id(ctx, "sessionId");
        return tx -> new Reply(200, StaffView.of(queue.noShow(tx, id, caller)));
    }

    public Change pause(Context ctx, Principal caller) {
        long id = Requests.id(ctx, "sessionId");
        return tx -> new Reply(200, queue.pause(tx, id, true, caller));
    }

    public Change resume(Context ctx, Principal caller) {
        long id = Requests.id(ctx, "sessionId");
        return tx -> new Reply(200, queue.pause(tx, id, false, caller));
    }

    public Change close(Context ctx, Principal caller) {
        long id = Requests.id(ctx, "sessionId");
        return tx -> new Reply(200, queue.close(tx, id, caller));
    }

    public void status(Context ctx) {
        ctx.json(queue.status(Requests.id(ctx, "siteId")));
    }
}
