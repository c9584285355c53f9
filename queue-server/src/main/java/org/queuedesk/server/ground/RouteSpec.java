package org.queuedesk.server.ground;

import io.javalin.http.Handler;
import io.javalin.http.HandlerType;
import java.util.Set;
import org.queuedesk.common.Role;

/**
 * One HTTP route as the route tree declares it: who may call it, what it takes and returns. The same
 * declaration drives routing, the access check and the OpenAPI document, so they cannot drift apart.
 * {@code status} is the status of a success (201 for what creates, 204 for what answers with no body);
 * {@code bodyRequired} false means the route also runs without a body (Next).
 */
public record RouteSpec(HandlerType method, String path, Set<Role> roles, String summary,
                        Class<?> requestBody, java.lang.reflect.Type response, boolean idempotent, Handler handler,
                        int status, boolean bodyRequired) {

    public RouteSpec {
        if (roles.isEmpty()) {
            throw new IllegalArgumentException(method + " " + path + " declares no roles");
        }
        roles = Set.copyOf(roles);
    }

    /** A route that answers 200 and, if it takes a body, needs one. */
    public RouteSpec(HandlerType method, String path, Set<Role> roles, String summary,
                     Class<?> requestBody, java.lang.reflect.Type response, boolean idempotent, Handler handler) {
        this(method, path, roles, summary, requestBody, response, idempotent, handler, 200, true);
    }
}
