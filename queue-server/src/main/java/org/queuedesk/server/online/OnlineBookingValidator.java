package org.queuedesk.server.online;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import org.queuedesk.server.ground.ApiProblem;
import org.queuedesk.server.ground.Fields;

/**
 * The booking form's last post: a service, a free time's start as the page gave it (an instant, e.g.
 * {@code 2026-12-02T09:30:00Z}) and the patient's name (1-100 characters). Phone and code are checked in the
 * write, like a ticket's; whether the time is still free is the appointment feature's to say.
 */
final class OnlineBookingValidator {

    /** The form's fields as posted. */
    record OnlineBookingForm(Long service, String slot, String name) {
    }

    private OnlineBookingValidator() {
    }

    static void validate(OnlineBookingForm form) {
        Fields.required("service", form.service());
        Fields.required("slot", form.slot());
        try {
            Instant.parse(form.slot().strip());
        } catch (DateTimeParseException e) {
            throw ApiProblem.invalidField("slot", "choose one of the free times.");
        }
        Fields.requiredText("name", form.name(), OnlineBookings.MAX_NAME);
    }
}
