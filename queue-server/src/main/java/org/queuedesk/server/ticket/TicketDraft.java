package org.queuedesk.server.ticket;

import java.time.Instant;
import org.queuedesk.common.ticket.Priority;
import org.queuedesk.common.ticket.TicketDto;
import org.queuedesk.common.ticket.TicketState;

/** The next version of a ticket, built from the current one; only the fields a move may change are settable. */
final class TicketDraft {

    private final TicketDto from;
    private TicketState state;
    private long serviceId;
    private Priority priority;
    private Long roomId;
    private Long sessionId;
    private Long returnServiceId;
    private Instant queuedAt;
    private Instant calledAt;
    private Instant finishedAt;
    private int recallCount;

    private TicketDraft(TicketDto t) {
        this.from = t;
        this.state = t.state();
        this.serviceId = t.serviceId();
        this.priority = t.priority();
        this.roomId = t.roomId();
        this.sessionId = t.sessionId();
        this.returnServiceId = t.returnServiceId();
        this.queuedAt = t.queuedAt();
        this.calledAt = t.calledAt();
        this.finishedAt = t.finishedAt();
        this.recallCount = t.recallCount();
    }

    static TicketDraft of(TicketDto ticket) {
        return new TicketDraft(ticket);
    }

    TicketDraft state(TicketState value) {
        state = value;
        return this;
    }

    TicketDraft serviceId(long value) {
        serviceId = value;
        return this;
    }

    TicketDraft priority(Priority value) {
        priority = value;
        return this;
    }

    TicketDraft room(Long room, Long session) {
        roomId = room;
        sessionId = session;
        return this;
    }

    TicketDraft returnServiceId(Long value) {
        returnServiceId = value;
        return this;
    }

    TicketDraft queuedAt(Instant value) {
        queuedAt = value;
        return this;
    }

    TicketDraft calledAt(Instant value) {
        calledAt = value;
        return this;
    }

    TicketDraft finishedAt(Instant value) {
        finishedAt = value;
        return this;
    }

    TicketDraft recallCount(int value) {
        recallCount = value;
        return this;
    }

    TicketDto build() {
        return new TicketDto(from.id(), from.siteId(), serviceId, from.number(), from.serviceDate(), state, priority,
                from.source(), from.patientName(), from.phone(), from.assignedDoctor(), roomId, sessionId,
                returnServiceId, from.issuedAt(), queuedAt, calledAt, finishedAt, recallCount);
    }
}
