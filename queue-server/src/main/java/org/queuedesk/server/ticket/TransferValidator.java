package org.queuedesk.server.ticket;

import org.queuedesk.common.ticket.TransferRequest;
import org.queuedesk.server.ground.Fields;

/** A transfer must name the service; whether it exists, is open and is at the same site is checked in the write. */
final class TransferValidator {

    private TransferValidator() {
    }

    static void validate(TransferRequest request) {
        Fields.required("toServiceId", request.toServiceId());
    }
}
