package org.queuedesk.server.auth;

import org.queuedesk.common.auth.ResetPasswordRequest;
import org.queuedesk.server.ground.ApiProblem;

/** A new password (reset by an admin, or given to a new user): long enough, and short enough for bcrypt. */
final class ResetPasswordValidator {

    static final int MIN_LENGTH = 10;

    private ResetPasswordValidator() {
    }

    static void validate(ResetPasswordRequest request) {
        validatePassword(request.password());
    }

    static void validatePassword(String password) {
        if (password == null || password.length() < MIN_LENGTH) {
            throw ApiProblem.invalidField("password", "use at least " + MIN_LENGTH + " characters.");
        }
        int bytes = PasswordHasher.utf8Length(password);
        if (bytes > PasswordHasher.MAX_BYTES) {
            // bcrypt reads bytes, not characters: an accented letter takes two, many other scripts three or four
            throw ApiProblem.invalidField("password", "is " + bytes + " bytes long; use at most "
                    + PasswordHasher.MAX_BYTES + " bytes: 72 plain letters, digits or symbols, fewer with accented"
                    + " or non-Latin letters (ñ or é count as 2, most other scripts as 3).");
        }
    }
}
