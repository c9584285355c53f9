package org.queuedesk.server.ground;

import io.javalin.http.Context;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/** Reading path, query and body parameters through Javalin's validators, with messages a person can act on. */
public final class Requests {

    private Requests() {
    }

    public static long id(Context ctx, String param) {
        return ctx.pathParamAsClass(param, Long.class)
                .check(id -> id != null && id > 0, "must be a positive whole number")
                .get();
    }

    /** The JSON body as a record; a missing or empty body is refused, malformed JSON names the bad field. */
    public static <T> T body(Context ctx, Class<T> type) {
        if (ctx.body().isBlank()) {
            throw ApiProblem.badRequest("This request needs a JSON body.");
        }
        return parse(ctx, type);
    }

    /** Like {@link #body} but an empty body means "no options" and gives null. */
    public static <T> T optionalBody(Context ctx, Class<T> type) {
        return ctx.body().isBlank() ? null : parse(ctx, type);
    }

    private static <T> T parse(Context ctx, Class<T> type) {
        // a JSON null: Javalin's mapper throws a NullPointerException for it rather than returning null
        if ("null".equals(ctx.body().strip())) {
            throw ApiProblem.badRequest("The JSON body must be an object, not null.");
        }
        try {
            T value = ctx.jsonMapper().fromJsonString(ctx.body(), type);
            if (value == null) {
                throw ApiProblem.badRequest("The JSON body must be an object, not null.");
            }
            return value;
        } catch (RuntimeException e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof com.fasterxml.jackson.core.JsonProcessingException jpe) {
                    throw ApiProblem.badRequest(JsonErrors.describe(jpe));
                }
            }
            throw e;
        }
    }

    public static LocalDate dateOr(Context ctx, String param, LocalDate fallback) {
        String value = ctx.queryParam(param);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw ApiProblem.invalidField(param, "use a date like 2026-11-23.");
        }
    }

    public static String actor(Context ctx) {
        return AccessCheck.principal(ctx).name();
    }
}
