package org.queuedesk.server.auth;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import org.queuedesk.common.Role;

/**
 * Sign-in configuration. {@code builtin} (the default) keeps users in SQLite and issues its own tokens;
 * {@code cognito} verifies Amazon Cognito user-pool tokens and maps the pool's groups to roles.
 */
public record AuthSettings(String provider, Duration accessTokenTtl, Duration refreshTokenTtl, int bcryptCost,
                           int failuresBeforeLock, Duration firstLock, Cognito cognito) {

    public static final String BUILTIN = "builtin";
    public static final String COGNITO = "cognito";

    public record Cognito(String region, String userPoolId, String clientId, String jwksUrl, String issuer,
                          Map<String, Role> groupRoles, String clientEndpoint) {
    }

    public static AuthSettings builtIn() {
        return new AuthSettings(BUILTIN, Duration.ofMinutes(10), Duration.ofHours(12), 12, 5, Duration.ofMinutes(1), null);
    }

    /** Cheaper hashing for tests; a production cost of 12 takes a quarter second per sign-in, by design. */
    public AuthSettings withBcryptCost(int cost) {
        return new AuthSettings(provider, accessTokenTtl, refreshTokenTtl, cost, failuresBeforeLock, firstLock, cognito);
    }

    public static AuthSettings cognito(String region, String userPoolId, String clientId, String jwksUrl,
                                       String issuer, Map<String, Role> groupRoles, String clientEndpoint) {
        String base = "https://cognito-idp." + region + ".amazonaws.com/" + userPoolId;
        return new AuthSettings(COGNITO, Duration.ofMinutes(10), Duration.ofHours(12), 12, 5, Duration.ofMinutes(1),
                new Cognito(region, userPoolId, clientId,
                        jwksUrl == null ? base + "/.well-known/jwks.json" : jwksUrl,
                        issuer == null ? base : issuer, groupRoles, clientEndpoint));
    }

    /** {@code "admins=admin,front-desk=receptionist"}; by default a group named like a role maps to it. */
    public static Map<String, Role> parseGroupRoles(String mapping) {
        var roles = new java.util.LinkedHashMap<String, Role>();
        for (Role role : new Role[] {Role.ADMIN, Role.RECEPTIONIST, Role.DOCTOR}) {
            roles.put(role.wireName(), role);
        }
        if (mapping == null || mapping.isBlank()) {
            return roles;
        }
        for (String pair : mapping.split(",")) {
            String[] parts = pair.split("=", 2);
            if (parts.length != 2) {
                throw new IllegalArgumentException("cognito group mapping: use group=role pairs, not '" + pair + "'");
            }
            Role role = Role.fromWire(parts[1].trim().toLowerCase(Locale.ROOT));
            if (role == Role.KIOSK || role == Role.DISPLAY || role == Role.PUBLIC) {
                throw new IllegalArgumentException("cognito group mapping: users can be admin, receptionist or doctor");
            }
            roles.put(parts[0].trim(), role);
        }
        return roles;
    }
}
