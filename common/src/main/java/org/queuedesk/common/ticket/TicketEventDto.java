package org.queuedesk.common.ticket;

import java.time.Instant;

/** One step in a ticket's history: who moved it from which state to which, when and where. */
public record TicketEventDto(
        long id,
        long ticketId,
        String action,
        TicketState fromState,
        TicketState toState,
        long serviceId,
        Long roomId,
        String actor,
        Instant at) {
}
