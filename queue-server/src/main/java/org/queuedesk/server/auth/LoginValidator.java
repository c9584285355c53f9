package org.queuedesk.server.auth;

import org.queuedesk.common.auth.LoginRequest;
import org.queuedesk.server.ground.ApiProblem;
import org.queuedesk.server.ground.Fields;

/**
 * A sign-in needs both a username and a password. One message for either, without naming the field:
 * the sign-in form shows it as it is.
 */
final class LoginValidator {

    private LoginValidator() {
    }

    static void validate(LoginRequest request) {
        if (!Fields.given(request.username()) || request.password() == null || request.password().isEmpty()) {
            throw ApiProblem.badRequest("Enter a username and a password.");
        }
    }
}
