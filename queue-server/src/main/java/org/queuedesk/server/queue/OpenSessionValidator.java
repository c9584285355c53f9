package org.queuedesk.server.queue;

import java.util.Objects;
import org.queuedesk.common.queue.OpenSessionRequest;
import org.queuedesk.server.ground.ApiProblem;
import org.queuedesk.server.ground.Fields;

/**
 * The shape of a request to open a session. Whether the room and services exist, whether the room is free
 * and whether the caller may open it in the doctor's name are checked when the session opens.
 */
final class OpenSessionValidator {

    static final int MAX_SERVICES = 20;

    private OpenSessionValidator() {
    }

    static void validate(OpenSessionRequest request) {
        Fields.required("roomId", request.roomId());
        if (request.serviceIds() == null || request.serviceIds().isEmpty()) {
            throw ApiProblem.invalidField("serviceIds", "name at least one service.");
        }
        if (request.serviceIds().stream().anyMatch(Objects::isNull)) {
            throw ApiProblem.invalidField("serviceIds", "must not contain null.");
        }
        if (request.serviceIds().size() > MAX_SERVICES) {
            throw ApiProblem.invalidField("serviceIds", "at most " + MAX_SERVICES + " services per session.");
        }
        Fields.atMost("doctor", request.doctor(), 100);
    }
}
