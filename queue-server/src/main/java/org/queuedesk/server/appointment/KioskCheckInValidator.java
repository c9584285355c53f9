package org.queuedesk.server.appointment;

import org.queuedesk.common.appointment.KioskCheckInRequest;
import org.queuedesk.server.ground.ApiProblem;
import org.queuedesk.server.ground.Fields;

/**
 * A kiosk check-in names the booking one way: its code (6 characters of the code alphabet once spaces and
 * dashes are dropped, any case) or a phone number. Whether a booking has it needs the database.
 */
final class KioskCheckInValidator {

    private KioskCheckInValidator() {
    }

    static void validate(KioskCheckInRequest request) {
        boolean code = Fields.given(request.code());
        boolean phone = Fields.given(request.phone());
        if (code == phone) {
            throw ApiProblem.badRequest("Give either 'code' (the booking code) or 'phone' (the number the booking was"
                    + " made with), not " + (code ? "both." : "neither."));
        }
        Fields.atMost("code", request.code(), 20);
        Fields.atMost("phone", request.phone(), 30);
        if (code && BookingCodes.normalise(request.code()) == null) {
            throw ApiProblem.invalidField("code", "a booking code has " + BookingCodes.LENGTH + " characters from "
                    + BookingCodes.ALPHABET + ", like 7KX4PA.");
        }
    }
}
