package org.queuedesk.server.appointment;

import org.queuedesk.common.appointment.ScheduleExceptionRequest;
import org.queuedesk.server.ground.Fields;

/** A dated exception: a date, blocks without weekday (none or left out: a day off), a note of at most 200. */
final class ScheduleExceptionValidator {

    private ScheduleExceptionValidator() {
    }

    static void validate(ScheduleExceptionRequest request) {
        Fields.required("date", request.date());
        Fields.atMost("note", request.note(), 200);
        if (request.blocks() != null) {
            ScheduleValidator.checkBlocks(request.blocks(), false);
        }
    }
}
