package org.queuedesk.server.status;

import java.time.Instant;
import java.util.List;
import org.queuedesk.server.ground.WriteTransaction;
import org.queuedesk.server.privacy.PersonalDataHolder;

/** A status link leads to the ticket and could cancel it; once the ticket is purged nobody needs it. */
public final class StatusLinkPersonalData implements PersonalDataHolder {

    @Override
    public int forget(WriteTransaction tx, List<Long> ticketIds, Instant now) {
        return tx.attach(TicketTokenDao.class).deleteForTickets(ticketIds);
    }
}
