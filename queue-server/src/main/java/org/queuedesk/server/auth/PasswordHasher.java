package org.queuedesk.server.auth;

import at.favre.lib.crypto.bcrypt.BCrypt;
import java.nio.charset.StandardCharsets;

/** bcrypt, deliberately slow; the cost comes from {@link AuthSettings}. */
final class PasswordHasher {

    /** bcrypt reads at most this many bytes of a password (UTF-8); longer ones are refused, never cut. */
    static final int MAX_BYTES = 72;

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

    /** False for a password longer than bcrypt reads: none was ever accepted, so none can match. */
    boolean matches(String password, String hash) {
        byte[] bytes = password.getBytes(StandardCharsets.UTF_8);
        if (bytes.length > MAX_BYTES) {
            return false;
        }
        return BCrypt.verifyer().verify(bytes, hash.getBytes(StandardCharsets.UTF_8)).verified;
    }

    static int utf8Length(String password) {
        return password.getBytes(StandardCharsets.UTF_8).length;
    }

    void burnTimeForUnknownUser(String password) {
        matches(password, decoy);
    }
}
