package org.queuedesk.server.auth;

import java.util.Set;
import org.queuedesk.common.auth.RegisterDeviceRequest;
import org.queuedesk.server.ground.ApiProblem;
import org.queuedesk.server.ground.Fields;

/** A new kiosk or display: its site, a name staff recognise, its kind. The site and a clashing name are checked when stored. */
final class RegisterDeviceValidator {

    static final Set<String> KINDS = Set.of("kiosk", "display");

    private RegisterDeviceValidator() {
    }

    static void validate(RegisterDeviceRequest request) {
        Fields.required("siteId", request.siteId());
        String name = request.name() == null ? "" : request.name().strip();
        if (name.isEmpty() || name.length() > 60) {
            throw ApiProblem.invalidField("name", "give a name of 1 to 60 characters, e.g. 'Entrance kiosk'.");
        }
        if (request.kind() == null || !KINDS.contains(request.kind().strip())) {
            throw ApiProblem.invalidField("kind", "must be 'kiosk' or 'display'.");
        }
    }
}
