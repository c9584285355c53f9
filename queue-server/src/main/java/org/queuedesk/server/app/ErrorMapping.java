package org.queuedesk.server.app;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.validation.ValidationError;
import io.javalin.validation.ValidationException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.queuedesk.common.json.Problem;
import org.queuedesk.server.ground.JsonErrors;
import org.queuedesk.server.ground.LogRedaction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.queuedesk.server.ground.ApiProblem;

/** Every error leaves the server as {@code application/problem+json}; this is the one place that says how. */
public final class ErrorMapping {

    private static final Logger log = LoggerFactory.getLogger(ErrorMapping.class);
    private final ObjectMapper json;

    public ErrorMapping(ObjectMapper json) {
        this.json = json;
    }

    public void install(JavalinConfig config) {
        config.routes.exception(ApiProblem.class, (e, ctx) ->
                write(ctx, new Problem("about:blank", e.title(), e.status(), e.getMessage(), ctx.path(), e.errors(),
                        e.currentState(), e.nextFreeSlots(), null)));
        config.routes.exception(ValidationException.class, (e, ctx) -> {
            Map<String, String> errors = new LinkedHashMap<>();
            e.getErrors().forEach((field, list) -> errors.put(field, joinMessages(list)));
            String detail = errors.entrySet().stream()
                    .map(en -> en.getKey() + ": " + en.getValue())
                    .collect(Collectors.joining("; "));
            write(ctx, 400, "Invalid request", detail, errors, null);
        });
        config.routes.exception(HttpResponseException.class, (e, ctx) ->
                write(ctx, e.getStatus(), titleFor(e.getStatus()), e.getMessage(), null, null));
        config.routes.exception(JsonProcessingException.class, (e, ctx) ->
                write(ctx, 400, "Malformed JSON", JsonErrors.describe(e), null, null));
        config.routes.exception(Exception.class, (e, ctx) -> {
            Throwable json = findJsonCause(e);
            if (json instanceof JsonProcessingException jpe) {
                write(ctx, 400, "Malformed JSON", JsonErrors.describe(jpe), null, null);
                return;
            }
            if (org.queuedesk.server.ground.ServerBusy.causedBy(e)) {
                log.warn("{} {} found no free database connection in time; answered 503", ctx.method(),
                        LogRedaction.statusLinks(ctx.path()));
                ctx.header("Retry-After", "1");
                write(ctx, 503, "Busy", "The server has more requests than it can take at this moment, so nothing was"
                        + " changed. Try again in a moment.", null, null);
                return;
            }
            if (org.queuedesk.server.ground.WriteCollision.causedBy(e)) {
                log.warn("A write on {} {} kept colliding with others and was given up", ctx.method(),
                        LogRedaction.statusLinks(ctx.path()));
                write(ctx, 409, "Conflict", "Other changes to the same records kept colliding with this one, so"
                        + " nothing was changed. Try again in a moment.", null, null);
                return;
            }
            log.error("Unexpected error on {} {}", ctx.method(), LogRedaction.statusLinks(ctx.path()), e);
            write(ctx, 500, "Internal error",
                    "The server could not complete the request. Nothing was changed; try again, and tell the administrator if it persists.",
                    null, null);
        });
        config.routes.error(404, ctx -> {
            // a page a route wrote itself (the patients' kind "no such booking" page) stays as it is
            if (noRouteMatched(ctx) || !(isProblem(ctx) || isHtmlPage(ctx))) {
                write(ctx, 404, "Not found", "There is no " + ctx.method() + " " + ctx.path() + " on this server; see /openapi.json.", null, null);
            }
        });
        config.routes.error(405, ctx -> {
            if (!isProblem(ctx) || noRouteMatched(ctx)) {
                write(ctx, 405, "Method not allowed", ctx.method() + " is not allowed on " + ctx.path() + "; see /openapi.json.", null, null);
            }
        });
        config.routes.error(413, ctx -> {
            if (!isProblem(ctx)) {
                write(ctx, 413, "Request too large", "The request body is larger than the server accepts.", null, null);
            }
        });
    }

    /** Javalin's own 404/405 (already problem+json, but saying only "Endpoint … not found"): ours says more. */
    private static boolean noRouteMatched(Context ctx) {
        return ctx.endpoints().matchedHttpEndpoint() == null;
    }

    private static boolean isHtmlPage(Context ctx) {
        String type = ctx.res().getContentType();
        return type != null && type.startsWith("text/html");
    }

    private static boolean isProblem(Context ctx) {
        String type = ctx.res().getContentType();
        return type != null && type.startsWith(Problem.MEDIA_TYPE);
    }

    private static Throwable findJsonCause(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof JsonProcessingException) {
                return t;
            }
        }
        return null;
    }

    private static String joinMessages(List<? extends ValidationError<?>> errors) {
        return errors.stream().map(ErrorMapping::humanise).collect(Collectors.joining(", "));
    }

    /** Javalin's built-in rule names are codes; say what they mean. */
    private static String humanise(ValidationError<?> error) {
        return switch (error.getMessage()) {
            case "TYPE_CONVERSION_FAILED" -> "has the wrong type ('" + error.value + "'); a number is expected";
            case "NULLCHECK_FAILED" -> "is required";
            case "DESERIALIZATION_FAILED" -> "is not valid JSON for this request";
            default -> error.getMessage();
        };
    }

    /** A reader-friendly account of what is wrong with a JSON body, naming the field where Jackson knows it. */
    private static String titleFor(int status) {
        return switch (status) {
            case 400 -> "Bad request";
            case 401 -> "Sign-in required";
            case 403 -> "Not allowed";
            case 404 -> "Not found";
            case 405 -> "Method not allowed";
            case 406 -> "Not acceptable";
            case 409 -> "Conflict";
            case 413 -> "Request too large";
            case 415 -> "Unsupported media type";
            case 422 -> "Unprocessable request";
            case 429 -> "Too many requests";
            default -> status >= 500 ? "Server error" : "Request refused";
        };
    }

    private void write(Context ctx, int status, String title, String detail, Map<String, String> errors,
                       String currentState) {
        write(ctx, new Problem("about:blank", title, status, detail, ctx.path(), errors, currentState));
    }

    private void write(Context ctx, Problem answer) {
        Problem problem = answer.withRequestId(RequestIds.of(ctx));
        int status = problem.status();
        byte[] body;
        try {
            body = json.writeValueAsBytes(problem);
        } catch (JsonProcessingException impossible) {
            throw new IllegalStateException(impossible);
        }
        ctx.status(status).contentType(Problem.MEDIA_TYPE);
        if (isWebSocketUpgrade(ctx)) {
            // a refused upgrade never writes the context's result (the body went out empty): write it here
            try {
                ctx.res().setContentLength(body.length);
                ctx.res().getOutputStream().write(body);
                ctx.res().flushBuffer();
            } catch (java.io.IOException gone) {
                log.debug("Could not answer a refused WebSocket upgrade; the client left", gone);
            }
            return;
        }
        ctx.result(body);
    }

    private static boolean isWebSocketUpgrade(Context ctx) {
        return ctx instanceof io.javalin.http.servlet.JavalinWsServletContext
                || "websocket".equalsIgnoreCase(ctx.header("Upgrade"));
    }
}
