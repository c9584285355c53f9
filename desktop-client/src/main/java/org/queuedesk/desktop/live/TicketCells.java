package org.queuedesk.desktop.live;

import java.util.List;
import org.queuedesk.common.site.ServiceDto;
import org.queuedesk.common.ticket.TicketDto;
import org.queuedesk.common.ticket.TicketState;

/**
 * The words of a ticket's cells in the desks' tables, the same at reception and in the consulting room: the
 * patient (blank when not given), the service's name, and the wait (still growing while the ticket waits, else
 * from its queueing to its call).
 */
public final class TicketCells {

    private final TicketText text;
    private final List<ServiceDto> services;

    /** @param services the site's services as the desk knows them now (a live list) */
    public TicketCells(TicketText text, List<ServiceDto> services) {
        this.text = text;
        this.services = services;
    }

    public String patient(TicketDto ticket) {
        return ticket.patientName() == null ? "" : ticket.patientName();
    }

    public String service(TicketDto ticket) {
        return services.stream().filter(s -> s.id() == ticket.serviceId()).map(ServiceDto::name).findFirst().orElse("");
    }

    public String waited(TicketDto ticket) {
        return ticket.state() == TicketState.WAITING ? text.waitedSince(ticket.queuedAt())
                : text.duration(ticket.queuedAt(), ticket.calledAt());
    }

    public String priority(TicketDto ticket) {
        return text.priority(ticket.priority());
    }

    public String state(TicketDto ticket) {
        return text.state(ticket.state());
    }
}
