package org.queuedesk.server.ticket;

import org.queuedesk.common.queue.NextResult;
import org.queuedesk.common.ticket.TicketDto;
import org.queuedesk.server.ground.PhoneNumbers;
import org.queuedesk.server.ground.Port;

/**
 * A ticket as it leaves the server for staff, in answers and live events: the phone number masked
 * ({@code +34******456}). The full number is read only through the audited
 * {@code GET /api/tickets/{id}/phone}; inside the server (text messages) it stays whole.
 */
@Port
public final class StaffView {

    private StaffView() {
    }

    public static TicketDto of(TicketDto t) {
        if (t == null || t.phone() == null) {
            return t;
        }
        return new TicketDto(t.id(), t.siteId(), t.serviceId(), t.number(), t.serviceDate(), t.state(), t.priority(),
                t.source(), t.patientName(), PhoneNumbers.mask(t.phone()), t.assignedDoctor(), t.roomId(), t.sessionId(),
                t.returnServiceId(), t.issuedAt(), t.queuedAt(), t.calledAt(), t.finishedAt(), t.recallCount());
    }

    public static NextResult of(NextResult result) {
        return new NextResult(result.session(), of(result.finished()), of(result.called()));
    }
}
