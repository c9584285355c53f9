package org.queuedesk.server.ground;

import java.util.Optional;

/** Turns the credentials a request carries into a principal, or nothing when there are none or they are bad. */
public interface Authenticator {

    /**
     * @param bearerToken the token from {@code Authorization: Bearer …} (or the {@code access_token}
     *                    query parameter of a WebSocket upgrade), or null
     */
    Optional<Principal> authenticate(String bearerToken);
}
