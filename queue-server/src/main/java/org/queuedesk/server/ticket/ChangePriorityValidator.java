package org.queuedesk.server.ticket;

import org.queuedesk.common.ticket.ChangePriorityRequest;
import org.queuedesk.server.ground.ApiProblem;

/** A priority change must name the new priority (Jackson already refuses one that is not a priority). */
final class ChangePriorityValidator {

    private ChangePriorityValidator() {
    }

    static void validate(ChangePriorityRequest request) {
        if (request.priority() == null) {
            throw ApiProblem.invalidField("priority", "is required: emergency, priority, appointment or normal.");
        }
    }
}
