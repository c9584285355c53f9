package org.queuedesk.server.auth;

import at.favre.lib.crypto.bcrypt.BCrypt;
import java.nio.charset.StandardCharsets;

/** bcrypt, deliberately slow; the cost comes from {@link AuthSettings}. */
final class PasswordHasher {

    /** Hashed once so a sign-in for an unknown user takes as long as one for a known user. */
    private final String decoy;
    private final int cost;

    PasswordHasher(int cost) {
        this.cost = cost;
        this.decoy = hash("not-a-real-password");
    }

    String hash(String password) {
        return BCrypt.withDefaults().hashToString(cost, password.toCharArray());
    }

    boolean matches(String password, String hash) {
        return BCrypt.verifyer().verify(password.getBytes(StandardCharsets.UTF_8),
                hash.getBytes(StandardCharsets.UTF_8)).verified;
    }

    void burnTimeForUnknownUser(String password) {
        matches(password, decoy);
    }
}
