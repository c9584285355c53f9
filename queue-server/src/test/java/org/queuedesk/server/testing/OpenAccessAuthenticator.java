package org.queuedesk.server.testing;

import java.util.EnumSet;
import java.util.Optional;
import org.queuedesk.common.Role;
import org.queuedesk.server.ground.Authenticator;
import org.queuedesk.server.ground.Principal;

/**
 * For tests that are not about sign-in: every caller is staff with every role. Test code only; the
 * server itself always runs with a real provider.
 */
public final class OpenAccessAuthenticator implements Authenticator {

    private static final Principal STAFF = new Principal("staff", EnumSet.complementOf(EnumSet.of(Role.PUBLIC)));

    @Override
    public Optional<Principal> authenticate(String bearerToken) {
        return Optional.of(STAFF);
    }
}
