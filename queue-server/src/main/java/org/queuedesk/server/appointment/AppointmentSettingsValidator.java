package org.queuedesk.server.appointment;

import org.queuedesk.common.appointment.AppointmentSettingsDto;
import org.queuedesk.server.ground.ApiProblem;
import org.queuedesk.server.ground.Fields;

/**
 * A site's grace period (0 to 240 minutes, required), its reminder time ({@code HH:MM}, optional: 18:00) and the
 * optional reminder before the slot (5 to 1440 minutes).
 */
final class AppointmentSettingsValidator {

    private static final java.util.regex.Pattern TIME = java.util.regex.Pattern.compile("([01]\\d|2[0-3]):[0-5]\\d");

    private AppointmentSettingsValidator() {
    }

    static void validate(AppointmentSettingsDto request) {
        Fields.required("graceMinutes", request.graceMinutes());
        if (request.graceMinutes() < 0 || request.graceMinutes() > 240) {
            throw ApiProblem.invalidField("graceMinutes", "use 0 to 240 minutes.");
        }
        String time = request.reminderTime();
        if (time != null && !time.isBlank() && !TIME.matcher(time.strip()).matches()) {
            throw ApiProblem.invalidField("reminderTime", "use a local time of day like 18:00 (HH:MM, 24-hour).");
        }
        Integer before = request.reminderMinutesBefore();
        if (before != null && (before < 5 || before > 1440)) {
            throw ApiProblem.invalidField("reminderMinutesBefore", "use 5 to 1440 minutes, or leave it out for none.");
        }
    }
}
