package org.queuedesk.server.ticket;

import java.time.Clock;
import org.queuedesk.common.event.EventPayload.TicketChange;
import org.queuedesk.common.ticket.Priority;
import org.queuedesk.common.ticket.TicketDto;
import org.queuedesk.common.ticket.TicketState;
import org.queuedesk.server.ground.ApiProblem;
import org.queuedesk.server.ground.Port;
import org.queuedesk.server.ground.WriteTransaction;
import org.queuedesk.server.event.EventLog;

/**
 * Every move of a ticket through its lifecycle. Each one checks the move is allowed, writes the new state,
 * appends to the ticket's history and to the site's event stream, all in the caller's transaction.
 */
@Port
public final class TicketMoves {

    private final EventLog events;
    private final Clock clock;
    private final TicketHooks hooks;

    public TicketMoves(EventLog events, Clock clock) {
        this(events, clock, TicketHooks.NONE);
    }

    public TicketMoves(EventLog events, Clock clock, TicketHooks hooks) {
        this.events = events;
        this.clock = clock;
        this.hooks = hooks;
    }

    TicketHooks hooks() {
        return hooks;
    }

    /**
     * The ticket, for a write that acts on it: locked until the write ends where many transactions write, so the
     * checks below judge the state the change is then made to (README, PostgreSQL: "a ticket changed by two people
     * at once").
     */
    public TicketDto load(WriteTransaction tx, long ticketId) {
        return TicketWriteDao.findToChange(tx, ticketId)
                .orElseThrow(() -> ApiProblem.notFound("There is no ticket " + ticketId + "."));
    }

    public TicketDto call(WriteTransaction tx, TicketDto ticket, long roomId, long sessionId, String actor) {
        var now = clock.instant();
        var next = TicketDraft.of(ticket).state(TicketState.CALLED).room(roomId, sessionId).calledAt(now).build();
        return apply(tx, TicketAction.CALL, ticket, next, actor);
    }

    public TicketDto recall(WriteTransaction tx, TicketDto ticket, String actor) {
        var next = TicketDraft.of(ticket).recallCount(ticket.recallCount() + 1).build();
        return apply(tx, TicketAction.RECALL, ticket, next, actor);
    }

    public TicketDto serve(WriteTransaction tx, TicketDto ticket, String actor) {
        var next = TicketDraft.of(ticket).state(TicketState.SERVING).build();
        return apply(tx, TicketAction.SERVE, ticket, next, actor);
    }

    /**
     * Finishes a ticket; one transferred "with return" then goes back to wait at the service it came from,
     * still owing the return (if any) that a nested transfer stacked beneath this one.
     */
    public TicketDto done(WriteTransaction tx, TicketDto ticket, String actor) {
        var now = clock.instant();
        var done = apply(tx, TicketAction.DONE, ticket,
                TicketDraft.of(ticket).state(TicketState.DONE).finishedAt(now).build(), actor);
        if (ticket.returnServiceId() == null) {
            return done;
        }
        var dao = tx.attach(TicketDao.class);
        Long thenReturnTo = dao.nextReturn(ticket.id()).orElse(null);
        if (thenReturnTo != null) {
            dao.popReturn(ticket.id());
        }
        var back = TicketDraft.of(done).state(TicketState.WAITING).serviceId(ticket.returnServiceId())
                .returnServiceId(thenReturnTo).room(null, null).queuedAt(now).calledAt(null).finishedAt(null)
                .recallCount(0).build();
        return apply(tx, TicketAction.RETURN, done, back, actor);
    }

    public TicketDto noShow(WriteTransaction tx, TicketDto ticket, String actor) {
        var next = TicketDraft.of(ticket).state(TicketState.NO_SHOW).finishedAt(clock.instant()).build();
        return apply(tx, TicketAction.NO_SHOW, ticket, next, actor);
    }

    /** Puts a no-show back in the queue at its original place: they were here first and stepped out. */
    public TicketDto requeue(WriteTransaction tx, TicketDto ticket, String actor) {
        var next = TicketDraft.of(ticket).state(TicketState.WAITING).room(null, null).calledAt(null)
                .finishedAt(null).recallCount(0).build();
        return apply(tx, TicketAction.REQUEUE, ticket, next, actor);
    }

    public TicketDto cancel(WriteTransaction tx, TicketDto ticket, String actor) {
        var next = TicketDraft.of(ticket).state(TicketState.CANCELLED).finishedAt(clock.instant()).build();
        return apply(tx, TicketAction.CANCEL, ticket, next, actor);
    }

    /** Closes a ticket its day left open (waiting, called, serving, no-show): {@link DayEnd}. */
    public TicketDto expire(WriteTransaction tx, TicketDto ticket, String actor) {
        var next = TicketDraft.of(ticket).state(TicketState.EXPIRED).finishedAt(clock.instant()).build();
        return apply(tx, TicketAction.EXPIRE, ticket, next, actor);
    }

    public TicketDto changePriority(WriteTransaction tx, TicketDto ticket, Priority priority, String actor) {
        var next = TicketDraft.of(ticket).priority(priority).build();
        return apply(tx, TicketAction.CHANGE_PRIORITY, ticket, next, actor);
    }

    /**
     * Moves a ticket to another service with the same number. Its leg at the old service ends as
     * "transferred" in the history; it joins the target's queue now, in its priority class. With return it
     * comes back here when done at the target, after which any return it already owed still holds (returns
     * stack); without return it owes none any more: a pending return would call it again where it is done.
     */
    public TicketDto transfer(WriteTransaction tx, TicketDto ticket, long toServiceId, boolean returnAfter,
                              String actor) {
        TicketAction.TRANSFER.requireAllowed(ticket);
        if (toServiceId == ticket.serviceId()) {
            throw ApiProblem.conflict("Ticket " + ticket.number() + " is already at that service.");
        }
        var now = clock.instant();
        var dao = tx.attach(TicketDao.class);
        TicketWriteDao.insertEvent(tx, ticket.id(), TicketAction.TRANSFER.wireName(), ticket.state(), TicketState.TRANSFERRED,
                ticket.serviceId(), ticket.roomId(), actor, now);
        Long returnTo = null;
        if (returnAfter) {
            if (ticket.returnServiceId() != null) {
                dao.pushReturn(ticket.id(), ticket.returnServiceId());
            }
            returnTo = ticket.serviceId();
        } else if (ticket.returnServiceId() != null) {
            dao.clearReturns(ticket.id()); // returns are stacked only behind a pending one: nothing owed, nothing to clear
        }
        var next = TicketDraft.of(ticket).state(TicketState.WAITING).serviceId(toServiceId).returnServiceId(returnTo)
                .room(null, null).queuedAt(now).calledAt(null).recallCount(0).build();
        if (TicketWriteDao.update(tx, next, ticket.state()) != 1) {
            throw ApiProblem.conflict("Ticket " + ticket.number() + " changed meanwhile; reload and try again.");
        }
        TicketWriteDao.insertEvent(tx, ticket.id(), TicketAction.TRANSFER.wireName(), TicketState.TRANSFERRED, TicketState.WAITING,
                toServiceId, null, actor, now);
        events.append(tx, ticket.siteId(), actor, new TicketChange(TicketAction.TRANSFER.eventType(), StaffView.of(next)));
        hooks.moved(tx, TicketAction.TRANSFER, ticket, next, actor);
        return next;
    }

    private TicketDto apply(WriteTransaction tx, TicketAction action, TicketDto current, TicketDto next,
                            String actor) {
        action.requireAllowed(current);
        if (TicketWriteDao.update(tx, next, current.state()) != 1) {
            throw ApiProblem.conflict("Ticket " + current.number() + " changed meanwhile; reload and try again.");
        }
        TicketWriteDao.insertEvent(tx, current.id(), action.wireName(), current.state(), next.state(), next.serviceId(),
                next.roomId() != null ? next.roomId() : current.roomId(), actor, clock.instant());
        events.append(tx, current.siteId(), actor, new TicketChange(action.eventType(), StaffView.of(next)));
        hooks.moved(tx, action, current, next, actor);
        return next;
    }
}
