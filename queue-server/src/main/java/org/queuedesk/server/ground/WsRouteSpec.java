package org.queuedesk.server.ground;

import io.javalin.websocket.WsConfig;
import java.util.Set;
import java.util.function.Consumer;
import org.queuedesk.common.Role;

/** A WebSocket route, with its roles checked before the upgrade. */
public record WsRouteSpec(String path, Set<Role> roles, String summary, Consumer<WsConfig> handler) {

    public WsRouteSpec {
        if (roles.isEmpty()) {
            throw new IllegalArgumentException("WS " + path + " declares no roles");
        }
        roles = Set.copyOf(roles);
    }
}
