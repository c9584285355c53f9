package org.queuedesk.server.status;

import org.jdbi.v3.core.Handle;
import org.queuedesk.common.ticket.TicketDto;
import org.queuedesk.server.ground.Port;
import org.queuedesk.server.ground.WriteTransaction;

/** What the status page needs from text messages (implemented by the notify feature). */
@Port
public interface PatientTexts {

    /** Whether text messages go to this ticket's phone: it has one and it is not opted out. */
    boolean enabled(Handle h, TicketDto ticket);

    /** Stops every text message to the ticket's phone number, now and later; doing it twice changes nothing. */
    void stop(WriteTransaction tx, TicketDto ticket);

    /** The patient's language (en, es, ar). */
    String language(Handle h, TicketDto ticket);
}
