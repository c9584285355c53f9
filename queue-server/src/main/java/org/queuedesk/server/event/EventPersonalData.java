package org.queuedesk.server.event;

import java.time.Instant;
import java.util.List;
import org.queuedesk.server.ground.WriteTransaction;
import org.queuedesk.server.privacy.PersonalDataHolder;

/** Stored events copy the ticket (name, phone) and the message (masked number); the purge scrubs both. */
public final class EventPersonalData implements PersonalDataHolder {

    @Override
    public int forget(WriteTransaction tx, List<Long> ticketIds, Instant now) {
        var dao = tx.attach(EventDao.class);
        return dao.scrubTicketEvents(ticketIds) + dao.scrubMessageEvents(ticketIds);
    }
}
