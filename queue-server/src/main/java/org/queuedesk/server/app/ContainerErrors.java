package org.queuedesk.server.app;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.config.JavalinConfig;
import java.nio.ByteBuffer;
import java.nio.charset.Charset;
import java.util.List;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;
import org.queuedesk.common.json.Problem;

/**
 * Errors Jetty answers itself, before (or outside) any Javalin route: a URI it will not read ({@code %00}),
 * headers too large or malformed, a URI too long, a WebSocket path with no handler. They leave as
 * {@code application/problem+json} like every other error ({@link ErrorMapping}), not as Jetty's HTML page.
 */
final class ContainerErrors {

    private final ObjectMapper json;

    private ContainerErrors(ObjectMapper json) {
        this.json = json;
    }

    /** On the server (errors with no request to route yet) and on the servlet context (errors a servlet sends). */
    static void install(JavalinConfig cfg, ObjectMapper json) {
        var errors = new ContainerErrors(json);
        cfg.jetty.modifyServer(server -> server.setErrorHandler(errors.new ServerLevel()));
        cfg.jetty.modifyServletContextHandler(context -> context.setErrorHandler(errors.new ServletLevel()));
    }

    /** What to tell the caller, by status; Jetty's own reason (e.g. "Illegal character SPACE") where it helps. */
    static String detail(int status, String reason) {
        String why = reason == null || reason.isBlank() || reason.equals(HttpStatus.getMessage(status)) ? ""
                : " (" + reason + ")";
        return switch (status) {
            case 400 -> "The request could not be read" + why + ". Check the URL for encoded control characters such"
                    + " as %00 or encoded slashes and dots, and each header for a 'Name: value' form.";
            case 404 -> "There is nothing at this address" + why + "; see /openapi.json for the routes.";
            case 405 -> "This method is not allowed here" + why + "; see /openapi.json for the routes.";
            case 413 -> "The request body is larger than the server accepts" + why + ".";
            case 414 -> "The URL is too long" + why + "; send the data in a request body instead.";
            case 431 -> "The request headers are too large" + why + "; send fewer or shorter headers.";
            default -> status >= 500 ? "The server could not complete the request" + why + "; try again, and tell"
                    + " the administrator if it persists." : "The request was refused" + why + ".";
        };
    }

    ByteBuffer body(int status, String reason, String instance, String requestId) {
        String title = HttpStatus.getMessage(status);
        try {
            return ByteBuffer.wrap(json.writeValueAsBytes(new Problem("about:blank", title, status,
                    detail(status, reason), instance, null, null, null, requestId)));
        } catch (JsonProcessingException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    private boolean writeProblem(Request request, Response response, Callback callback, int status, String reason) {
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, Problem.MEDIA_TYPE);
        // the id a route gave, else (no route ran) the caller's if sane, else a new one, as for routed requests
        String given = response.getHeaders().get(RequestIds.HEADER);
        String requestId = given != null ? given : RequestIds.accept(request.getHeaders().get(RequestIds.HEADER));
        response.getHeaders().put(RequestIds.HEADER, requestId);
        // the path of a request Jetty refused to read is not shown: it may be what made it unreadable
        String path = request.getHttpURI() == null ? null : request.getHttpURI().getPath();
        String instance = path == null || path.equals("/badMessage") ? null : path;
        response.write(true, body(status, reason, instance, requestId), callback);
        return true;
    }

    /** For the server: a request Jetty could not parse or route. */
    private final class ServerLevel extends ErrorHandler {
        @Override
        public boolean errorPageForMethod(String method) {
            return true; // every method gets its problem body, not only GET, POST and HEAD
        }

        @Override
        protected boolean generateAcceptableResponse(Request request, Response response, Callback callback,
                                                     String contentType, List<Charset> charsets, int code,
                                                     String message, Throwable cause) {
            return writeProblem(request, response, callback, code, message);
        }

        /** A request too broken to become one (bad request line or headers): the body written with the status. */
        @Override
        public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
            fields.put(HttpHeader.CONTENT_TYPE, Problem.MEDIA_TYPE);
            // the request's own headers could not be read: always a new id
            String requestId = RequestIds.accept(null);
            fields.put(RequestIds.HEADER, requestId);
            return body(status, reason, null, requestId);
        }
    }

    /** For the servlet context: an error a servlet sends (e.g. no WebSocket handler at the path). */
    private final class ServletLevel extends org.eclipse.jetty.ee10.servlet.ErrorHandler {
        @Override
        public boolean errorPageForMethod(String method) {
            return true;
        }

        @Override
        protected boolean generateAcceptableResponse(Request request, Response response, Callback callback,
                                                     String contentType, List<Charset> charsets, int code,
                                                     String message, Throwable cause) {
            return writeProblem(request, response, callback, code, message);
        }
    }
}
