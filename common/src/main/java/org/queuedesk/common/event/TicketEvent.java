package org.queuedesk.common.event;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import java.util.Objects;
import org.queuedesk.common.ticket.TicketDto;

/** A ticket was issued or moved ({@code ticket.*}); carries the ticket as it is now. */
// events logged before each kind had its own record carry the other kinds' payloads too, always null
@JsonIgnoreProperties({"session", "sms", "printer"})
public record TicketEvent(long seq, long siteId, EventType type, Instant at, String actor, TicketDto ticket)
        implements QueueEvent {

    public TicketEvent {
        QueueEvent.requireCarriedBy(type, TicketEvent.class);
        Objects.requireNonNull(ticket, "ticket");
    }

    @Override
    public TicketEvent withoutPersonalData() {
        return new TicketEvent(seq, siteId, type, at, null, ticket.withoutPersonalData());
    }
}
