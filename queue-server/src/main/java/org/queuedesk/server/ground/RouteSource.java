package org.queuedesk.server.ground;

/** A feature's routes: it declares each of them, with its roles, into the one route tree. */
@FunctionalInterface
public interface RouteSource {

    void routes(Routes routes);
}
