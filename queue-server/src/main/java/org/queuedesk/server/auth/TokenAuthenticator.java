package org.queuedesk.server.auth;

import java.util.Optional;
import org.queuedesk.server.ground.Authenticator;
import org.queuedesk.server.ground.Principal;

/** Device tokens first (they carry a prefix), then the configured user provider's tokens. */
final class TokenAuthenticator implements Authenticator {

    private final Devices devices;
    private final java.util.function.Function<String, Optional<Principal>> users;

    TokenAuthenticator(Devices devices, java.util.function.Function<String, Optional<Principal>> users) {
        this.devices = devices;
        this.users = users;
    }

    @Override
    public Optional<Principal> authenticate(String token) {
        if (token == null || token.isBlank() || token.length() > 8192) {
            return Optional.empty();
        }
        return token.startsWith(Devices.TOKEN_PREFIX) ? devices.verify(token) : users.apply(token);
    }
}
