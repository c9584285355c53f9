package org.queuedesk.common.event;

import java.time.Instant;
import org.queuedesk.common.queue.SessionDto;
import org.queuedesk.common.ticket.TicketDto;

/**
 * One change at a site, as streamed to desks and displays. {@code seq} increases by one per event
 * and site, so a client that reconnects with {@code since=seq} misses nothing.
 */
public record QueueEvent(long seq, long siteId, EventType type, Instant at, String actor, TicketDto ticket,
                         SessionDto session) {

    public QueueEvent withoutPersonalData() {
        return new QueueEvent(seq, siteId, type, at, null, ticket == null ? null : ticket.withoutPersonalData(),
                session);
    }
}
