package org.queuedesk.server.app;

import io.javalin.http.Handler;
import io.javalin.http.HandlerType;
import java.util.Set;
import org.queuedesk.common.Role;

/**
 * One HTTP route as the route tree declares it: who may call it, what it takes and returns. The same
 * declaration drives routing, the access check and the OpenAPI document, so they cannot drift apart.
 */
public record RouteSpec(HandlerType method, String path, Set<Role> roles, String summary,
                        Class<?> requestBody, java.lang.reflect.Type response, boolean idempotent, Handler handler) {

    public RouteSpec {
        if (roles.isEmpty()) {
            throw new IllegalArgumentException(method + " " + path + " declares no roles");
        }
        roles = Set.copyOf(roles);
    }
}
