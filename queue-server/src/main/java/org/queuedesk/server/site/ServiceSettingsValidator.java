package org.queuedesk.server.site;

import java.util.Locale;
import org.queuedesk.common.site.ServiceSettingsRequest;
import org.queuedesk.server.ground.ApiProblem;
import org.queuedesk.server.ground.Fields;

/**
 * A service's prefix and almost-turn position after creation: the same rules as {@link CreateServiceValidator}
 * (both required here: a PUT replaces them); a prefix another service of the site has is refused when stored.
 */
final class ServiceSettingsValidator {

    private ServiceSettingsValidator() {
    }

    static void validate(ServiceSettingsRequest request) {
        Fields.requiredText("prefix", request.prefix(), 3);
        if (!request.prefix().strip().toUpperCase(Locale.ROOT).matches("[A-Z]{1,3}")) {
            throw ApiProblem.invalidField("prefix", "use one to three letters A-Z, e.g. 'A'.");
        }
        Fields.required("almostTurnPosition", request.almostTurnPosition());
        int almost = request.almostTurnPosition();
        if (almost < 0 || almost > 50) {
            throw ApiProblem.invalidField("almostTurnPosition", "must be between 0 and 50.");
        }
    }
}
