package org.queuedesk.server.status;

import static org.queuedesk.server.ground.Roles.ANYONE;

import io.javalin.http.Handler;
import io.javalin.http.sse.SseHandler;
import org.queuedesk.server.ground.ApiProblem;
import org.queuedesk.server.ground.RouteSource;
import org.queuedesk.server.ground.Routes;

/**
 * The patient's status page. The {@code /t/} routes are public and reach one ticket only through its
 * unguessable token; they never show a name or phone number.
 */
public final class StatusRoutes implements RouteSource {

    private final StatusController status;
    private final StatusStream stream;

    public StatusRoutes(StatusController status, StatusStream stream) {
        this.status = status;
        this.stream = stream;
    }

    @Override
    public void routes(Routes routes) {
        routes.get("/t/{token}", ANYONE, "The patient's status page (HTML)", null, status::page);
        routes.get("/t/{token}/status", ANYONE, "The patient's status as JSON", StatusView.class, status::json);
        routes.get("/t/{token}/events", ANYONE, "Server-sent events: the patient's status whenever it changes", null,
                eventStreamOnly(new SseHandler(stream::connect)));
        routes.post("/t/{token}/cancel", ANYONE, "The patient cancels their ticket (idempotent)", null, StatusView.class,
                status::cancel);
        routes.post("/t/{token}/stop-sms", ANYONE, "The patient stops text messages (idempotent)", null, StatusView.class,
                status::stopTexts);
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
}
