package org.queuedesk.server.queue;

import io.javalin.http.Context;
import org.queuedesk.common.queue.NextRequest;
import org.queuedesk.common.queue.OpenSessionRequest;
import org.queuedesk.server.ground.AccessCheck;
import org.queuedesk.server.ground.Requests;
import org.queuedesk.server.idempotency.IdempotentWrites;
import org.queuedesk.server.idempotency.IdempotentWrites.Reply;
import org.queuedesk.server.ticket.StaffView;

/** HTTP for doctors' sessions, Next and the queue overview. */
public final class QueueController {

    private final QueueService queue;
    private final IdempotentWrites writes;

    public QueueController(QueueService queue, IdempotentWrites writes) {
        this.queue = queue;
        this.writes = writes;
    }

    public void open(Context ctx) {
        var request = Requests.body(ctx, OpenSessionRequest.class);
        OpenSessionValidator.validate(request);
        var caller = AccessCheck.principal(ctx);
        writes.respond(ctx, tx -> new Reply(201, queue.open(tx, request, caller)));
    }

    public void get(Context ctx) {
        ctx.json(queue.session(Requests.id(ctx, "sessionId")));
    }

    public void next(Context ctx) {
        long id = Requests.id(ctx, "sessionId");
        var request = Requests.optionalBody(ctx, NextRequest.class);
        Long expected = request == null ? null : request.expectedCurrentTicketId();
        var caller = AccessCheck.principal(ctx);
        writes.respond(ctx, tx -> new Reply(200, StaffView.of(queue.next(tx, id, expected, caller))));
    }

    public void recall(Context ctx) {
        long id = Requests.id(ctx, "sessionId");
        var caller = AccessCheck.principal(ctx);
        writes.respond(ctx, tx -> new Reply(200, StaffView.of(queue.recall(tx, id, caller))));
    }

    public void serve(Context ctx) {
        long id = Requests.id(ctx, "sessionId");
        var caller = AccessCheck.principal(ctx);
        writes.respond(ctx, tx -> new Reply(200, StaffView.of(queue.serve(tx, id, caller))));
    }

    public void done(Context ctx) {
        long id = Requests.id(ctx, "sessionId");
        var caller = AccessCheck.principal(ctx);
        writes.respond(ctx, tx -> new Reply(200, StaffView.of(queue.done(tx, id, caller))));
    }

    public void noShow(Context ctx) {
        long id = Requests.id(ctx, "sessionId");
        var caller = AccessCheck.principal(ctx);
        writes.respond(ctx, tx -> new Reply(200, StaffView.of(queue.noShow(tx, id, caller))));
    }

    public void pause(Context ctx) {
        long id = Requests.id(ctx, "sessionId");
        var caller = AccessCheck.principal(ctx);
        writes.respond(ctx, tx -> new Reply(200, queue.pause(tx, id, true, caller)));
    }

    public void resume(Context ctx) {
        long id = Requests.id(ctx, "sessionId");
        var caller = AccessCheck.principal(ctx);
        writes.respond(ctx, tx -> new Reply(200, queue.pause(tx, id, false, caller)));
    }

    public void close(Context ctx) {
        long id = Requests.id(ctx, "sessionId");
        var caller = AccessCheck.principal(ctx);
        writes.respond(ctx, tx -> new Reply(200, queue.close(tx, id, caller)));
    }

    public void status(Context ctx) {
        ctx.json(queue.status(Requests.id(ctx, "siteId")));
    }
}
