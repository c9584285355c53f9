package org.queuedesk.common.event;

import java.time.Instant;
import org.queuedesk.common.auth.DevicePrinterDto;
import org.queuedesk.common.notify.SmsMessageDto;
import org.queuedesk.common.queue.SessionDto;
import org.queuedesk.common.ticket.TicketDto;

/**
 * One change at a site, as streamed to desks and displays. {@code seq} increases by one per event
 * and site, so a client that reconnects with {@code since=seq} misses nothing.
 */
public record QueueEvent(long seq, long siteId, EventType type, Instant at, String actor, TicketDto ticket,
                         SessionDto session, SmsMessageDto sms, DevicePrinterDto printer) {

    /** A ticket or session event, which carries no text message. */
    public QueueEvent(long seq, long siteId, EventType type, Instant at, String actor, TicketDto ticket,
                      SessionDto session) {
        this(seq, siteId, type, at, actor, ticket, session, null, null);
    }

    /** An event that may carry a text message's state, and no printer. */
    public QueueEvent(long seq, long siteId, EventType type, Instant at, String actor, TicketDto ticket,
                      SessionDto session, SmsMessageDto sms) {
        this(seq, siteId, type, at, actor, ticket, session, sms, null);
    }

    /**
     * Text messages are for staff only: displays and kiosks get the event without them. A printer's state
     * holds no personal data and stays.
     */
    public QueueEvent withoutPersonalData() {
        return new QueueEvent(seq, siteId, type, at, null, ticket == null ? null : ticket.withoutPersonalData(),
                session, null, printer);
    }
}
