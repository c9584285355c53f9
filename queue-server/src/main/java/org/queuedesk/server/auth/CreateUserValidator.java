package org.queuedesk.server.auth;

import java.util.regex.Pattern;
import org.queuedesk.common.Role;
import org.queuedesk.common.auth.CreateUserRequest;
import org.queuedesk.server.ground.ApiProblem;

/**
 * A new staff account: a username that is safe in logs and URLs, a password as for a reset, and at least
 * one staff role (kiosks and displays are devices, not users). A taken username is refused when stored.
 */
final class CreateUserValidator {

    private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9._@-]{2,64}");

    private CreateUserValidator() {
    }

    static void validate(CreateUserRequest request) {
        String username = request.username() == null ? "" : request.username().strip();
        if (!USERNAME.matcher(username).matches()) {
            throw ApiProblem.invalidField("username", "use 2 to 64 letters, digits, '.', '_', '-' or '@'.");
        }
        ResetPasswordValidator.validatePassword(request.password());
        if (request.roles() == null || request.roles().isEmpty()) {
            throw ApiProblem.invalidField("roles", "give at least one of admin, receptionist, doctor.");
        }
        for (Role role : request.roles()) {
            if (role == null || !BuiltInAccounts.USER_ROLES.contains(role)) {
                throw ApiProblem.invalidField("roles", "users can be admin, receptionist or doctor; devices are registered separately.");
            }
        }
    }
}
