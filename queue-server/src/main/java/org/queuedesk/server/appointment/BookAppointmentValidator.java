package org.queuedesk.server.appointment;

import org.queuedesk.common.appointment.BookAppointmentRequest;
import org.queuedesk.server.ground.ApiProblem;
import org.queuedesk.server.ground.Fields;
import org.queuedesk.server.ground.PhoneNumbers;

/**
 * The shape of a booking: service, slot start and the patient's name are required; the phone has a phone's
 * shape; the language is a code. Whether the slot exists, is free and in the future is checked in the write.
 */
final class BookAppointmentValidator {

    private static final String LANGUAGE_TAG = "[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})?";

    private BookAppointmentValidator() {
    }

    static void validate(BookAppointmentRequest request) {
        Fields.required("serviceId", request.serviceId());
        Fields.required("slotStart", request.slotStart());
        Fields.requiredText("patientName", request.patientName(), 100);
        Fields.atMost("doctor", request.doctor(), 100);
        if (Fields.given(request.phone())) {
            PhoneNumbers.checkShape(request.phone()); // parsed in the site's region in the write
        }
        if (Fields.given(request.language()) && !request.language().strip().matches(LANGUAGE_TAG)) {
            throw ApiProblem.invalidField("language", "use a language code like en, es or ar.");
        }
    }
}
