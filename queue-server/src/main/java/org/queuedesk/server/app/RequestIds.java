package org.queuedesk.server.app;

import io.javalin.http.Context;
import java.util.UUID;
import java.util.regex.Pattern;
import org.slf4j.MDC;

/**
 * Each request's id: the caller's {@code X-Request-Id} when it is a sane one (a proxy's or the desktop app's, so
 * both logs can be joined), else a new random one. It goes back in the same header and in every problem body,
 * and is in the MDC (as {@code requestId}) while the request runs, so every log line of the request carries it.
 */
final class RequestIds {

    static final String HEADER = "X-Request-Id";
    static final String MDC_KEY = "requestId";
    private static final String ATTRIBUTE = "queuedesk.requestId";
    /** Short, printable, no spaces or quotes: nothing that could forge a log line or smuggle a personal value far. */
    private static final Pattern SANE = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

    private RequestIds() {
    }

    /** The caller's id if sane, else a new one. */
    static String accept(String incoming) {
        return incoming != null && SANE.matcher(incoming).matches() ? incoming : UUID.randomUUID().toString();
    }

    /** First thing for every request: its id in the context, the response header and the thread's MDC. */
    static void begin(Context ctx) {
        String id = accept(ctx.header(HEADER));
        ctx.attribute(ATTRIBUTE, id);
        ctx.header(HEADER, id);
        MDC.put(MDC_KEY, id);
    }

    /** Last thing: the thread goes back to the pool without it. */
    static void end() {
        MDC.remove(MDC_KEY);
    }

    /** The request's id; null only for a request that never reached the before-handlers. */
    static String of(Context ctx) {
        return ctx.attribute(ATTRIBUTE);
    }
}
