package org.queuedesk.server.testing;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Optional;
import org.queuedesk.common.Role;
import org.queuedesk.server.ground.Authenticator;
import org.queuedesk.server.ground.Principal;

/**
 * For tests with many distinct staff users and no sign-in round trips: the bearer token names the user and
 * roles, {@code user:doctor-7:doctor} or {@code user:boss:admin,doctor}; anything else is refused. Test code
 * only.
 */
public final class NamedUsersAuthenticator implements Authenticator {

    public static String token(String name, Role... roles) {
        return "user:" + name + ":" + String.join(",", Arrays.stream(roles).map(Role::wireName).toList());
    }

    @Override
    public Optional<Principal> authenticate(String bearerToken) {
        if (bearerToken == null || !bearerToken.startsWith("user:")) {
            return Optional.empty();
        }
        String[] parts = bearerToken.split(":", 3);
        if (parts.length < 3) {
            return Optional.empty();
        }
        var roles = EnumSet.noneOf(Role.class);
        Arrays.stream(parts[2].split(",")).filter(r -> !r.isBlank()).map(Role::fromWire).forEach(roles::add);
        return Optional.of(new Principal(parts[1], roles));
    }
}
