package org.queuedesk.server.appointment;

import org.queuedesk.common.appointment.AppointmentSettingsDto;
import org.queuedesk.server.ground.ApiProblem;
import org.queuedesk.server.ground.Fields;

/** A site's grace period: 0 to 240 minutes. */
final class AppointmentSettingsValidator {

    private AppointmentSettingsValidator() {
    }

    static void validate(AppointmentSettingsDto request) {
        Fields.required("graceMinutes", request.graceMinutes());
        if (request.graceMinutes() < 0 || request.graceMinutes() > 240) {
            throw ApiProblem.invalidField("graceMinutes", "use 0 to 240 minutes.");
        }
    }
}
