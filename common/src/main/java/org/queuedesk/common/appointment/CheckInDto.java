package org.queuedesk.common.appointment;

import org.queuedesk.common.ticket.TicketDto;

/**
 * A check-in's answer: the booking (now checked in) and its ticket. {@code late}: more than the site's grace
 * period after the slot, so the ticket queues by arrival like a walk-in's.
 */
public record CheckInDto(AppointmentDto appointment, TicketDto ticket, boolean late) {
}
