package org.queuedesk.server.appointment;

import org.queuedesk.common.appointment.MoveAppointmentRequest;
import org.queuedesk.server.ground.Fields;

/** A move names the new slot's start; another doctor is optional. */
final class MoveAppointmentValidator {

    private MoveAppointmentValidator() {
    }

    static void validate(MoveAppointmentRequest request) {
        Fields.required("slotStart", request.slotStart());
        Fields.atMost("doctor", request.doctor(), 100);
    }
}
