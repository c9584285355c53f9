package org.queuedesk.server.online;

import org.queuedesk.server.ground.ApiProblem;

/**
 * A patient's request the pages refuse: {@code key} names the kind words the page shows in the patient's
 * language, {@code detail} is the problem's English detail for a JSON client.
 */
final class Refused extends RuntimeException {

    private final int status;
    private final String key;
    private final String field;

    Refused(int status, String key, String field, String detail) {
        super(detail, null, false, false);
        this.status = status;
        this.key = key;
        this.field = field;
    }

    static Refused tooMany(String key, String detail) {
        return new Refused(429, key, null, detail);
    }

    int status() {
        return status;
    }

    String key() {
        return key;
    }

    /** The same refusal as application/problem+json. */
    ApiProblem problem() {
        return switch (status) {
            case 429 -> ApiProblem.tooManyRequests(getMessage());
            case 409 -> ApiProblem.conflict(getMessage());
            case 403 -> ApiProblem.forbidden(getMessage());
            case 404 -> ApiProblem.notFound(getMessage());
            default -> field != null ? ApiProblem.invalidField(field, getMessage()) : ApiProblem.badRequest(getMessage());
        };
    }
}
