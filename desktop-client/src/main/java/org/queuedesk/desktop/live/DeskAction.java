package org.queuedesk.desktop.live;

import static org.queuedesk.common.ticket.TicketState.CALLED;
import static org.queuedesk.common.ticket.TicketState.SERVING;
import static org.queuedesk.common.ticket.TicketState.WAITING;

import java.util.EnumSet;
import java.util.Set;
import org.queuedesk.common.ticket.TicketState;

/**
 * What a desk may do to a ticket in each state: the lifecycle of README "How it works" (the server refuses
 * anything else with a 409). Desks enable a button only where its action can succeed, so a click that must
 * fail is never offered.
 */
public enum DeskAction {
    CANCEL(WAITING, TicketState.NO_SHOW),
    REQUEUE(TicketState.NO_SHOW),
    CHANGE_PRIORITY(WAITING),
    TRANSFER(WAITING, CALLED, SERVING),
    RECALL(CALLED),
    SERVE(CALLED),
    NO_SHOW(CALLED),
    DONE(CALLED, SERVING),
    /** The patient's status page helps only while the ticket is still in the queue or being seen. */
    STATUS_LINK(WAITING, CALLED, SERVING);

    private final Set<TicketState> from;

    DeskAction(TicketState first, TicketState... more) {
        this.from = EnumSet.of(first, more);
    }

    public boolean allows(TicketState state) {
        return state != null && from.contains(state);
    }
}
