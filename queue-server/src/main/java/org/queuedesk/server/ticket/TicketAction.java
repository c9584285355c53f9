package org.queuedesk.server.ticket;

import static org.queuedesk.common.ticket.TicketState.CALLED;
import static org.queuedesk.common.ticket.TicketState.SERVING;
import static org.queuedesk.common.ticket.TicketState.WAITING;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import org.queuedesk.common.ticket.TicketDto;
import org.queuedesk.common.ticket.TicketState;
import org.queuedesk.server.ground.ApiProblem;

/** The ticket lifecycle (README) as data: each action and the states it may start from. Anything else is a 409. */
enum TicketAction {
    ISSUE(EnumSet.noneOf(TicketState.class), "issued"),
    CALL(EnumSet.of(WAITING), "called"),
    RECALL(EnumSet.of(CALLED), "recalled"),
    SERVE(EnumSet.of(CALLED), "marked as being served"),
    DONE(EnumSet.of(CALLED, SERVING), "finished"),
    NO_SHOW(EnumSet.of(CALLED), "marked as a no-show"),
    REQUEUE(EnumSet.of(TicketState.NO_SHOW), "put back in the queue"),
    CANCEL(EnumSet.of(WAITING, TicketState.NO_SHOW), "cancelled"),
    TRANSFER(EnumSet.of(WAITING, CALLED, SERVING), "transferred"),
    RETURN(EnumSet.of(TicketState.DONE), "returned"),
    CHANGE_PRIORITY(EnumSet.of(WAITING), "given another priority");

    private final Set<TicketState> from;
    private final String pastTense;

    TicketAction(Set<TicketState> from, String pastTense) {
        this.from = from;
        this.pastTense = pastTense;
    }

    String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Refuses the action, naming the ticket's current state, unless the ticket is in a state it may start from. */
    void requireAllowed(TicketDto ticket) {
        if (!from.contains(ticket.state())) {
            throw ApiProblem.conflict("Ticket " + ticket.number() + " is " + ticket.state().wireName().replace('_', '-')
                    + "; it cannot be " + pastTense + ".", ticket.state().wireName());
        }
    }
}
