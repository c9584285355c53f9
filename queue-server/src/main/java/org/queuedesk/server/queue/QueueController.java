package org.queuedesk.server.queue;

import io.javalin.http.Context;
import org.queuedesk.common.queue.NextRequest;
import org.queuedesk.common.queue.OpenSessionRequest;
import org.queuedesk.server.app.Requests;
import org.queuedesk.server.idempotency.IdempotentWrites;
import org.queuedesk.server.idempotency.IdempotentWrites.Reply;

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
        QueueService.validate(request);
        String actor = Requests.actor(ctx);
        writes.respond(ctx, tx -> new Reply(201, queue.open(tx, request, actor)));
    }

    public void get(Context ctx) {
        ctx.json(queue.session(Requests.id(ctx, "sessionId")));
    }

    public void next(Context ctx) {
        long id = Requests.id(ctx, "sessionId");
        var request = Requests.optionalBody(ctx, NextRequest.class);
        Long expected = request == null ? null : request.expectedCurrentTicketId();
        String actor = Requests.actor(ctx);
        writes.respond(ctx, tx -> new Reply(200, queue.next(tx, id, expected, actor)));
    }

    public void recall(Context ctx) {
        long id = Requests.id(ctx, "sessionId");
        String actor = Requests.actor(ctx);
        writes.respond(ctx, tx -> new Reply(200, queue.recall(tx, id, actor)));
    }

    public void serve(Context ctx) {
        long id = Requests.id(ctx, "sessionId");
        String actor = Requests.actor(ctx);
        writes.respond(ctx, tx -> new Reply(200, queue.serve(tx, id, actor)));
    }

    public void done(Context ctx) {
        long id = Requests.id(ctx, "sessionId");
        String actor = Requests.actor(ctx);
        writes.respond(ctx, tx -> new Reply(200, queue.done(tx, id, actor)));
    }

    public void noShow(Context ctx) {
        long id = Requests.id(ctx, "sessionId");
        String actor = Requests.actor(ctx);
        writes.respond(ctx, tx -> new Reply(200, queue.noShow(tx, id, actor)));
    }

    public void pause(Context ctx) {
        long id = Requests.id(ctx, "sessionId");
        String actor = Requests.actor(ctx);
        writes.respond(ctx, tx -> new Reply(200, queue.pause(tx, id, true, actor)));
    }

    public void resume(Context ctx) {
        long id = Requests.id(ctx, "sessionId");
        String actor = Requests.actor(ctx);
        writes.respond(ctx, tx -> new Reply(200, queue.pause(tx, id, false, actor)));
    }

    public void close(Context ctx) {
        long id = Requests.id(ctx, "sessionId");
        String actor = Requests.actor(ctx);
        writes.respond(ctx, tx -> new Reply(200, queue.close(tx, id, actor)));
    }

    public void status(Context ctx) {
        ctx.json(queue.status(Requests.id(ctx, "siteId")));
    }
}
