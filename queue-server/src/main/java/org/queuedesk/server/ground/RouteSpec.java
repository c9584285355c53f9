package org.queuedesk.server.ground;

import io.javalin.http.Handler;
import io.javalin.http.HandlerType;
import java.util.Set;
import org.queuedesk.common.Role;

/**
 * One HTTP route as a feature declares it (through {@link Routes}): who may call it, what it takes and
 * returns. The same declaration drives routing, the access check and the OpenAPI document, so they cannot
 * drift apart. A route has either a plain {@code handler} or, when idempotent, a {@code write} that the route
 * tree runs under {@code Idempotency-Key}; which one it has is what makes it idempotent.
 * {@code status} is the status of a success (201 for what creates, 204 for what answers with no body);
 * {@code bodyRequired} false means the route also runs without a body (Next).
 */
public record RouteSpec(HandlerType method, String path, Set<Role> roles, String summary,
                        Class<?> requestBody, java.lang.reflect.Type response, Handler handler, IdempotentHandler write,
                        int status, boolean bodyRequired) {

    public RouteSpec {
        if (roles.isEmpty()) {
            throw new IllegalArgumentException(method + " " + path + " declares no roles");
        }
        if ((handler == null) == (write == null)) {
            throw new IllegalArgumentException(method + " " + path + " needs either a handler or an idempotent write");
        }
        roles = Set.copyOf(roles);
    }

    /** Whether the route honours {@code Idempotency-Key}: the document says so exactly when the route does. */
    public boolean idempotent() {
        return write != null;
    }
}
