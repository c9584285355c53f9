package org.queuedesk.server.auth;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import org.queuedesk.server.ground.ApiProblem;
import org.queuedesk.server.ground.Fields;

/**
 * The audit log's filters (README "Audit log"): actor and action up to 100 characters, from and to as instants
 * (2026-11-23T08:00:00Z; to after from), limit 1-1000 (default 200), before a positive entry id.
 */
final class AuditQueryValidator {

    static final int DEFAULT_LIMIT = 200;
    static final int MAX_LIMIT = 1000;

    private AuditQueryValidator() {
    }

    static AuditQuery validate(AuditParams params) {
        Fields.atMost("actor", params.actor(), 100);
        Fields.atMost("action", params.action(), 100);
        Instant from = instant("from", params.from());
        Instant to = instant("to", params.to());
        if (from != null && to != null && !to.isAfter(from)) {
            throw ApiProblem.unprocessableField("to", "must be after from (" + from + ").");
        }
        int limit = Fields.given(params.limit()) ? number("limit", params.limit(), 1, MAX_LIMIT) : DEFAULT_LIMIT;
        Long before = Fields.given(params.before()) ? (long) number("before", params.before(), 1, Integer.MAX_VALUE) : null;
        return new AuditQuery(textOrNull(params.actor()), textOrNull(params.action()), from, to, limit, before);
    }

    private static Instant instant(String field, String value) {
        if (!Fields.given(value)) {
            return null;
        }
        try {
            return Instant.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw ApiProblem.invalidField(field, "use an instant like 2026-11-23T08:00:00Z.");
        }
    }

    private static int number(String field, String value, int min, int max) {
        try {
            int n = Integer.parseInt(value.strip());
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // the same answer as out of range
        }
        throw ApiProblem.invalidField(field, "use a whole number from " + min + " to " + max + ".");
    }

    private static String textOrNull(String value) {
        return Fields.given(value) ? value.strip() : null;
    }
}
