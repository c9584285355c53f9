package org.queuedesk.server.auth;

import java.util.function.Predicate;
import org.queuedesk.server.ground.Principal;

/**
 * Told, after the commit, that some callers lost their access (a device revoked, a user disabled), so what
 * they hold open (live streams) closes at once instead of at their next request.
 */
public interface AccessEnded {

    AccessEnded NOBODY = (who, reason) -> { };

    /**
     * @param who    the callers whose access ended
     * @param reason for the caller, e.g. "This device was revoked; an administrator can register it again."
     */
    void ended(Predicate<Principal> who, String reason);
}
