package org.queuedesk.common.appointment;

import org.queuedesk.common.ticket.TicketDto;

/**
 * A kiosk check-in's answer, with nothing a kiosk may not show: the ticket without name, phone or doctor, the
 * slot's local time ({@code 09:15}) and whether it was late (then it queues by arrival).
 */
public record KioskCheckInDto(TicketDto ticket, String localTime, boolean late) {
}
