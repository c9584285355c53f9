package org.queuedesk.server.device;

import java.util.Set;
import org.queuedesk.common.auth.PrinterStatusRequest;
import org.queuedesk.server.ground.ApiProblem;

/** A printer report names one of the known states; its free-text detail is cut to length, never refused. */
final class PrinterStatusValidator {

    private static final Set<String> STATES = Set.of(PrinterStatusRequest.OK, PrinterStatusRequest.OFFLINE,
            PrinterStatusRequest.PAPER_OUT, PrinterStatusRequest.FAILED);

    private PrinterStatusValidator() {
    }

    static void validate(PrinterStatusRequest request) {
        if (request.state() == null || !STATES.contains(request.state().strip())) {
            throw ApiProblem.invalidField("state", "must be one of ok, offline, paper_out, failed.");
        }
    }
}
