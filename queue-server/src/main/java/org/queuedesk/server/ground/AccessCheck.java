package org.queuedesk.server.ground;

import io.javalin.http.Context;
import io.javalin.security.RouteRole;
import java.util.Set;
import java.util.stream.Collectors;
import org.queuedesk.common.Role;

/** The one access check: every route declares its roles, and this enforces them before any handler runs. */
public final class AccessCheck {

    public static final String PRINCIPAL = "queuedesk.principal";
    private final Authenticator authenticator;

    public AccessCheck(Authenticator authenticator) {
        this.authenticator = authenticator;
    }

    /** A Javalin route role wrapping our wire-level role, so {@code common} stays free of Javalin. */
    public record DeclaredRole(Role role) implements RouteRole {
    }

    public static RouteRole[] routeRoles(Set<Role> roles) {
        return roles.stream().map(DeclaredRole::new).toArray(RouteRole[]::new);
    }

    public void check(Context ctx) {
        Set<Role> declared = ctx.routeRoles().stream()
                .filter(DeclaredRole.class::isInstance)
                .map(r -> ((DeclaredRole) r).role())
                .collect(Collectors.toSet());
        var principal = authenticator.authenticate(bearerToken(ctx));
        principal.ifPresent(p -> ctx.attribute(PRINCIPAL, p));
        if (declared.contains(Role.PUBLIC)) {
            return;
        }
        if (declared.isEmpty()) {
            // a route outside the route tree: refuse rather than guess
            throw ApiProblem.forbidden("This route declares no roles.");
        }
        var who = principal.orElseThrow(() -> ApiProblem.unauthorized(
                "Sign in first: send 'Authorization: Bearer <token>'."));
        if (!who.hasAnyOf(declared)) {
            throw ApiProblem.forbidden("Your role does not allow this; it needs one of "
                    + declared.stream().map(Role::wireName).sorted().toList() + ".");
        }
        String site = ctx.pathParamMap().get("siteId");
        if (who.device() && site != null && !site.equals(String.valueOf(who.siteId()))) {
            throw ApiProblem.forbidden("This device belongs to another site.");
        }
    }

    public static Principal principal(Context ctx) {
        Principal p = ctx.attribute(PRINCIPAL);
        if (p == null) {
            throw ApiProblem.unauthorized("Sign in first: send 'Authorization: Bearer <token>'.");
        }
        return p;
    }

    static String bearerToken(Context ctx) {
        String header = ctx.header("Authorization");
        if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return header.substring(7).trim();
        }
        return ctx.queryParam("access_token");
    }
}
