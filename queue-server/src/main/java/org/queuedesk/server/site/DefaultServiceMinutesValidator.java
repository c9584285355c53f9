package org.queuedesk.server.site;

import org.queuedesk.common.site.DefaultServiceMinutesRequest;
import org.queuedesk.server.ground.ApiProblem;
import org.queuedesk.server.ground.Fields;

/** A service's assumed service time: whole minutes, at least one, at most four hours. */
final class DefaultServiceMinutesValidator {

    static final int MAX_MINUTES = 240;

    private DefaultServiceMinutesValidator() {
    }

    static void validate(DefaultServiceMinutesRequest request) {
        Fields.required("minutes", request.minutes());
        if (request.minutes() < 1 || request.minutes() > MAX_MINUTES) {
            throw ApiProblem.invalidField("minutes", "must be between 1 and " + MAX_MINUTES
                    + " (the minutes one patient usually takes at this service).");
        }
    }
}
