package org.queuedesk.server.ticket;

import java.time.Instant;
import java.util.List;
import org.queuedesk.server.ground.WriteTransaction;
import org.queuedesk.server.privacy.PatientTickets;

/** Tickets' names and phones, for the personal data purge; numbers, states and times stay. */
public final class TicketPersonalData implements PatientTickets {

    @Override
    public List<Long> withPersonalDataIssuedBefore(WriteTransaction tx, long siteId, Instant cutoff, int limit) {
        return tx.attach(TicketDao.class).withPersonalDataIssuedBefore(siteId, cutoff, limit);
    }

    @Override
    public int forget(WriteTransaction tx, List<Long> ticketIds, Instant now) {
        return tx.attach(TicketDao.class).forgetPersonalData(ticketIds);
    }
}
