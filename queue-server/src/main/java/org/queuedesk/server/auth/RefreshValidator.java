package org.queuedesk.server.auth;

import org.queuedesk.common.auth.RefreshRequest;
import org.queuedesk.server.ground.ApiProblem;
import org.queuedesk.server.ground.Fields;

/** A refresh names the refresh token it trades in; whether it is still valid is checked in the store. */
final class RefreshValidator {

    private RefreshValidator() {
    }

    static void validate(RefreshRequest request) {
        if (!Fields.given(request.refreshToken())) {
            throw ApiProblem.invalidField("refreshToken", "is required.");
        }
    }
}
