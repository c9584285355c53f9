package org.queuedesk.server.ticket;

import static org.queuedesk.common.ticket.TicketState.CALLED;
import static org.queuedesk.common.ticket.TicketState.SERVING;
import static org.queuedesk.common.ticket.TicketState.WAITING;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import org.queuedesk.common.event.EventType;
import org.queuedesk.common.ticket.TicketDto;
import org.queuedesk.common.ticket.TicketState;
import org.queuedesk.server.ground.ApiProblem;
import org.queuedesk.server.ground.Port;

/**
 * The ticket lifecycle (README) as data: each action, the states it may start from (anything else is a 409) and
 * the event it sends. Other features learn of a move by its action ({@link TicketHooks#moved}).
 */
@Port
public enum TicketAction {
    ISSUE(EnumSet.noneOf(TicketState.class), "issued", EventType.TICKET_ISSUED),
    CALL(EnumSet.of(WAITING), "called", EventType.TICKET_CALLED),
    RECALL(EnumSet.of(CALLED), "recalled", EventType.TICKET_RECALLED),
    SERVE(EnumSet.of(CALLED), "marked as being served", EventType.TICKET_SERVING),
    DONE(EnumSet.of(CALLED, SERVING), "finished", EventType.TICKET_DONE),
    NO_SHOW(EnumSet.of(CALLED), "marked as a no-show", EventType.TICKET_NO_SHOW),
    REQUEUE(EnumSet.of(TicketState.NO_SHOW), "put back in the queue", EventType.TICKET_REQUEUED),
    CANCEL(EnumSet.of(WAITING, TicketState.NO_SHOW), "cancelled", EventType.TICKET_CANCELLED),
    TRANSFER(EnumSet.of(WAITING, CALLED, SERVING), "transferred", EventType.TICKET_TRANSFERRED),
    /** Back to the service it was transferred from, once done: to the stream, another transfer. */
    RETURN(EnumSet.of(TicketState.DONE), "returned", EventType.TICKET_TRANSFERRED),
    CHANGE_PRIORITY(EnumSet.of(WAITING), "given another priority", EventType.TICKET_PRIORITY_CHANGED),
    /** By the server at the site's local midnight, for a ticket of an earlier day nobody finished ({@code DayEnd}). */
    EXPIRE(EnumSet.of(WAITING, CALLED, SERVING, TicketState.NO_SHOW), "expired", EventType.TICKET_EXPIRED);

    private final Set<TicketState> from;
    private final String pastTense;
    private final EventType eventType;

    TicketAction(Set<TicketState> from, String pastTense, EventType eventType) {
        this.from = from;
        this.pastTense = pastTense;
        this.eventType = eventType;
    }

    /** The action as the ticket history stores and sends it ({@code no_show}, {@code change_priority}). */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The live event the action's move sends. */
    EventType eventType() {
        return eventType;
    }

    /** Refuses the action, naming the ticket's current state, unless the ticket is in a state it may start from. */
    void requireAllowed(TicketDto ticket) {
        if (!from.contains(ticket.state())) {
            throw ApiProblem.conflict("Ticket " + ticket.number() + " is " + ticket.state().wireName().replace('_', '-')
                    + "; it cannot be " + pastTense + ".", ticket.state().wireName());
        }
    }
}
