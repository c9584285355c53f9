package org.queuedesk.server.ticket;

import org.queuedesk.common.ticket.IssueTicketRequest;
import org.queuedesk.server.ground.ApiProblem;
import org.queuedesk.server.ground.Fields;
import org.queuedesk.server.ground.PhoneNumbers;

/**
 * The shape of a ticket request: what needs no database. Whether the service exists and is open, and
 * whether the doctor exists, is checked when the ticket is issued, in the same transaction.
 */
final class IssueTicketValidator {

    private static final String LANGUAGE_TAG = "[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})?";

    private IssueTicketValidator() {
    }

    static void validate(IssueTicketRequest request) {
        Fields.required("serviceId", request.serviceId());
        Fields.atMost("patientName", request.patientName(), 100);
        Fields.atMost("assignedDoctor", request.assignedDoctor(), 100);
        if (Fields.given(request.phone())) {
            // the shape here; the number itself is parsed in the site's region when the ticket is issued
            PhoneNumbers.checkShape(request.phone());
        }
        if (Fields.given(request.language()) && !request.language().strip().matches(LANGUAGE_TAG)) {
            throw ApiProblem.invalidField("language", "use a language code like en, es or ar.");
        }
    }
}
