package org.queuedesk.common.queue;

import org.queuedesk.common.ticket.TicketDto;

/**
 * The answer to Next: the ticket just finished (if any) and the one now called (null when the queue
 * is empty).
 */
public record NextResult(SessionDto session, TicketDto finished, TicketDto called) {
}
