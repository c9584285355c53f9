package org.queuedesk.server.online;

import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import org.queuedesk.common.online.RemoteJoiningRequest;
import org.queuedesk.server.ground.ApiProblem;
import org.queuedesk.server.ground.Fields;

/** Remote joining of a service: open or not, hours as HH:mm (opening before closing), a cap of 1 to 999. */
final class RemoteJoiningValidator {

    private RemoteJoiningValidator() {
    }

    static void validate(RemoteJoiningRequest request) {
        Fields.required("open", request.open());
        LocalTime opens = time("opensAt", request.opensAt());
        LocalTime closes = time("closesAt", request.closesAt());
        if (opens != null && closes != null && !opens.isBefore(closes)) {
            throw ApiProblem.invalidField("closesAt", "must be later than opensAt (hours past midnight are not supported).");
        }
        if (request.maxWaiting() != null && (request.maxWaiting() < 1 || request.maxWaiting() > 999)) {
            throw ApiProblem.invalidField("maxWaiting", "use 1 to 999, or leave it out for no cap.");
        }
    }

    private static LocalTime time(String field, String value) {
        if (!Fields.given(value)) {
            return null;
        }
        if (!value.strip().matches("\\d{2}:\\d{2}")) {
            throw ApiProblem.invalidField(field, "use the site's local time as HH:mm, e.g. 08:30.");
        }
        try {
            return LocalTime.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw ApiProblem.invalidField(field, "use the site's local time as HH:mm, e.g. 08:30.");
        }
    }
}
