package org.queuedesk.server.site;

import java.time.DateTimeException;
import java.time.ZoneId;
import org.queuedesk.common.site.CreateSiteRequest;
import org.queuedesk.server.ground.ApiProblem;
import org.queuedesk.server.ground.Fields;

/** A new site needs a name and a time zone Java knows; a clashing name is refused when it is stored. */
final class CreateSiteValidator {

    private CreateSiteValidator() {
    }

    static void validate(CreateSiteRequest request) {
        Fields.requiredText("name", request.name(), 80);
        Fields.requiredText("timeZone", request.timeZone(), 64);
        String zone = request.timeZone().strip();
        try {
            ZoneId.of(zone);
        } catch (DateTimeException e) {
            throw ApiProblem.invalidField("timeZone", "'" + zone + "' is not a time zone; use a name like Europe/Madrid.");
        }
    }
}
