package org.queuedesk.server.ticket;

import org.queuedesk.common.ticket.IssueTicketRequest;
import org.queuedesk.common.ticket.Priority;
import org.queuedesk.common.ticket.TicketSource;
import org.queuedesk.server.ground.ApiProblem;
import org.queuedesk.server.ground.Fields;

/**
 * What a kiosk may not set on a ticket: priority classes, another source, names, a doctor. Refused (403
 * naming the field) rather than quietly changed, so a misconfigured kiosk shows up at once instead of
 * issuing tickets that differ from what it showed. Whether the service is at the kiosk's site needs the
 * database and is checked by the controller.
 */
final class KioskTicketValidator {

    private KioskTicketValidator() {
    }

    static void validate(IssueTicketRequest request) {
        if (request.priority() != null && request.priority() != Priority.NORMAL) {
            throw ApiProblem.forbiddenField("priority", "a kiosk issues normal tickets only; reception gives priority.");
        }
        if (request.source() != null && request.source() != TicketSource.KIOSK) {
            throw ApiProblem.forbiddenField("source", "a kiosk's tickets always come from the kiosk.");
        }
        if (Fields.given(request.patientName())) {
            throw ApiProblem.forbiddenField("patientName", "a kiosk does not take names; reception can add one.");
        }
        if (Fields.given(request.assignedDoctor())) {
            throw ApiProblem.forbiddenField("assignedDoctor", "a kiosk cannot assign a doctor; reception can.");
        }
    }
}
