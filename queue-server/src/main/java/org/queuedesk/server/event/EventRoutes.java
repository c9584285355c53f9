package org.queuedesk.server.event;

import static org.queuedesk.common.Role.DISPLAY;
import static org.queuedesk.common.Role.KIOSK;
import static org.queuedesk.server.ground.Roles.STAFF;
import static org.queuedesk.server.ground.Roles.with;

import org.queuedesk.server.ground.RouteSource;
import org.queuedesk.server.ground.Routes;

/** The live event stream of a site, as a WebSocket route. */
public final class EventRoutes implements RouteSource {

    private final EventStream stream;

    public EventRoutes(EventStream stream) {
        this.stream = stream;
    }

    @Override
    public void routes(Routes routes) {
        routes.ws("/api/sites/{siteId}/events", with(STAFF, DISPLAY, KIOSK),
                "Live events of a site; ?since=N first replays what came after N", stream::configure);
    }
}
