package org.queuedesk.server.site;

import java.util.Locale;
import java.util.regex.Pattern;
import org.queuedesk.common.site.CreateServiceRequest;
import org.queuedesk.server.ground.ApiProblem;
import org.queuedesk.server.ground.Fields;

/**
 * A new service: a name, a ticket prefix of one to three letters (typed in any case), when to send the
 * "almost your turn" text, and optional names per language. A clash with another service of the site is
 * refused when it is stored.
 */
final class CreateServiceValidator {

    static final int MAX_NAME = 80;
    private static final Pattern PREFIX = Pattern.compile("[A-Z]{1,3}");

    private CreateServiceValidator() {
    }

    static void validate(CreateServiceRequest request) {
        Fields.requiredText("name", request.name(), MAX_NAME);
        Fields.requiredText("prefix", request.prefix(), 3);
        if (!PREFIX.matcher(request.prefix().strip().toUpperCase(Locale.ROOT)).matches()) {
            throw ApiProblem.invalidField("prefix", "use one to three letters A-Z, e.g. 'A'.");
        }
        Integer almost = request.almostTurnPosition();
        if (almost != null && (almost < 0 || almost > 50)) {
            throw ApiProblem.invalidField("almostTurnPosition", "must be between 0 and 50.");
        }
        NamesValidator.validate(request.names(), MAX_NAME);
    }
}
