package org.queuedesk.desktop.live;

import org.queuedesk.common.appointment.AppointmentDto;
import org.queuedesk.common.ticket.TicketDto;
import org.queuedesk.common.ticket.TicketSource;

/**
 * Whether a ticket from an appointment waits by its arrival rather than by its slot. The ticket carries no
 * "late" flag (only the check-in's answer does), so desks tell it from the booking: on time or early its queue
 * time is the slot's start (README, "Appointments"); late, it is the arrival, which is after the slot's start.
 * A requeued or transferred one also queues by its new time, and so is shown the same way.
 */
public final class LateCheckIns {

    private LateCheckIns() {
    }

    public static boolean queuedByArrival(TicketDto ticket, AppointmentDto booking) {
        return ticket != null && booking != null && ticket.source() == TicketSource.APPOINTMENT
                && booking.ticketId() != null && booking.ticketId() == ticket.id()
                && ticket.queuedAt() != null && booking.slotStart() != null
                && ticket.queuedAt().isAfter(booking.slotStart());
    }
}
