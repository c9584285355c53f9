package org.queuedesk.desktop.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.queuedesk.common.event.EventType;
import org.queuedesk.common.event.QueueEvent;
import org.queuedesk.common.event.TicketEvent;
import org.queuedesk.common.queue.QueueStatusDto;
import org.queuedesk.common.site.SiteDto;
import org.queuedesk.common.ticket.Priority;
import org.queuedesk.common.ticket.TicketDto;
import org.queuedesk.common.ticket.TicketSource;
import org.queuedesk.common.ticket.TicketState;

class TicketBoardTest {

    private static final Instant T0 = Instant.parse("2026-11-23T09:00:00Z");
    private final TicketBoard board = new TicketBoard();

    @Test
    void waitingListFollowsPriorityThenArrival() {
        board.reset(snapshot(0, ticket(1, "A-001", TicketState.WAITING, Priority.NORMAL, 0),
                ticket(2, "A-002", TicketState.WAITING, Priority.EMERGENCY, 60),
                ticket(3, "A-003", TicketState.WAITING, Priority.NORMAL, 30)));

        assertThat(board.waiting(Set.of(1L))).extracting(TicketDto::number).containsExactly("A-002", "A-001", "A-003");
        assertThat(board.waitingCount(1)).isEqualTo(3);
        assertThat(board.oldestWaiting(1)).contains(T0);
    }

    @Test
    void aRepeatedOrOlderEventChangesNothing() {
        board.reset(snapshot(5, ticket(1, "A-001", TicketState.WAITING, Priority.NORMAL, 0)));

        assertThat(board.apply(event(5, ticket(1, "A-001", TicketState.CANCELLED, Priority.NORMAL, 0)))).isFalse();
        assertThat(board.apply(event(6, ticket(1, "A-001", TicketState.CALLED, Priority.NORMAL, 0)))).isTrue();
        assertThat(board.apply(event(6, ticket(1, "A-001", TicketState.CANCELLED, Priority.NORMAL, 0)))).isFalse();

        assertThat(board.ticket(1).orElseThrow().state()).isEqualTo(TicketState.CALLED);
    }

    /** Another site's event (a desk that just moved to this site): its number is not this site's; nothing changes. */
    @Test
    void anotherSitesEventChangesNothing() {
        board.reset(snapshot(0));

        assertThat(board.apply(new TicketEvent(7, 2, EventType.TICKET_ISSUED, T0, "test",
                ticket(9, "N-001", TicketState.WAITING, Priority.NORMAL, 0)))).isFalse();
        assertThat(board.seq()).isZero();
        assertThat(board.apply(event(1, ticket(1, "A-001", TicketState.WAITING, Priority.NORMAL, 0)))).isTrue();
    }

    @Test
    void aSnapshotThatLandsLateIsCorrectedByTheEventsHeardMeanwhile() {
        board.reset(snapshot(0));
        board.apply(event(1, ticket(1, "A-001", TicketState.WAITING, Priority.NORMAL, 0)));
        board.apply(event(2, ticket(2, "A-002", TicketState.WAITING, Priority.NORMAL, 10)));

        // a refetch read at seq 1 arrives after event 2 was applied
        board.reset(snapshot(1, ticket(1, "A-001", TicketState.WAITING, Priority.NORMAL, 0)));

        assertThat(board.byNumber("a-002")).isPresent();
        assertThat(board.seq()).isEqualTo(2);
    }

    @Test
    void anotherSitesSnapshotReplaysNothingHeardAtTheSiteBefore() {
        board.reset(snapshot(0));
        board.apply(event(9, ticket(1, "A-001", TicketState.WAITING, Priority.NORMAL, 0)));

        // admin mode chose another site: its snapshot is at its own sequence number, lower than the first site's
        board.reset(new SiteSnapshot(3, new SiteDto(2, "North", "UTC"), List.of(), List.of(),
                new QueueStatusDto(2, 3, List.of(), List.of()), List.of()));

        assertThat(board.byNumber("a-001")).as("the first site's ticket").isEmpty();
        assertThat(board.seq()).isEqualTo(3);
        assertThat(board.apply(new TicketEvent(4, 2, EventType.TICKET_ISSUED, T0, "test",
                ticket(7, "N-001", TicketState.WAITING, Priority.NORMAL, 0)))).as("the second site's next event").isTrue();
    }

    // README lifecycle: "called → no-show → (requeue) waiting"; requeue puts the ticket back at its original
    // place, so it keeps its queued time and its last change looks older than the no-show
    @Test
    void aRequeuedNoShowIsWaitingAgainThoughItKeepsItsOriginalQueuedTime() {
        TicketDto noShow = times(ticket(1, "A-001", TicketState.NO_SHOW, Priority.NORMAL, 0), 60, 120);
        board.reset(snapshot(7, noShow));

        TicketDto requeued = ticket(1, "A-001", TicketState.WAITING, Priority.NORMAL, 0);
        assertThat(board.apply(event(8, requeued))).isTrue();

        assertThat(board.ticket(1).orElseThrow().state()).isEqualTo(TicketState.WAITING);
        assertThat(board.waitingCount(1)).isEqualTo(1);
        assertThat(board.count(1, TicketState.NO_SHOW)).isZero();
        assertThat(board.waiting(Set.of(1L))).extracting(TicketDto::number).containsExactly("A-001");
    }

    @Test
    void theRequeueAnswerShowsAtOnceAndTheEventsDecideAfterIt() {
        TicketDto called = times(ticket(1, "A-001", TicketState.CALLED, Priority.NORMAL, 0), 60, null);
        board.reset(snapshot(3, called));
        board.apply(event(4, times(ticket(1, "A-001", TicketState.NO_SHOW, Priority.NORMAL, 0), 60, 120)));

        // the requeue's answer arrives before its event: shown at once (it is news to this desk)
        TicketDto requeued = ticket(1, "A-001", TicketState.WAITING, Priority.NORMAL, 0);
        board.put(requeued);
        assertThat(board.ticket(1).orElseThrow().state()).isEqualTo(TicketState.WAITING);
        assertThat(board.waitingCount(1)).isEqualTo(1);

        // then its event, then another desk calls the patient again (times older than the no-show's end)
        board.apply(event(5, requeued));
        board.apply(event(6, times(ticket(1, "A-001", TicketState.CALLED, Priority.NORMAL, 0), 90, null)));
        assertThat(board.ticket(1).orElseThrow().state()).isEqualTo(TicketState.CALLED);
    }

    @Test
    void anAnswerThatCrossedItsOwnEventAndALaterOneDoesNotRollTheTicketBack() {
        board.reset(snapshot(3, times(ticket(1, "A-001", TicketState.NO_SHOW, Priority.NORMAL, 0), 60, 120)));
        TicketDto requeued = ticket(1, "A-001", TicketState.WAITING, Priority.NORMAL, 0);
        board.apply(event(4, requeued));
        board.apply(event(5, times(ticket(1, "A-001", TicketState.CALLED, Priority.NORMAL, 0), 200, null)));

        board.put(requeued); // the requeue's answer, late

        assertThat(board.ticket(1).orElseThrow().state()).isEqualTo(TicketState.CALLED);
        assertThat(board.waitingCount(1)).isZero();
    }

    @Test
    void aSnapshotReadAtNIsCombinedWithTheEventsAfterNOnly() {
        board.reset(snapshot(0));
        board.apply(event(1, ticket(1, "A-001", TicketState.WAITING, Priority.NORMAL, 0)));
        board.apply(event(2, times(ticket(1, "A-001", TicketState.CALLED, Priority.NORMAL, 0), 60, null)));
        board.apply(event(3, times(ticket(1, "A-001", TicketState.NO_SHOW, Priority.NORMAL, 0), 60, 120)));

        // read at 2 (called), landing after 3: event 3 goes on top, events 1 and 2 are not replayed over it
        board.reset(snapshot(2, times(ticket(1, "A-001", TicketState.CALLED, Priority.NORMAL, 0), 60, null)));
        assertThat(board.ticket(1).orElseThrow().state()).isEqualTo(TicketState.NO_SHOW);

        // read at 4 (requeued, an event this desk has not heard yet): the snapshot stands, event 4 is old news
        TicketDto requeued = ticket(1, "A-001", TicketState.WAITING, Priority.NORMAL, 0);
        board.reset(snapshot(4, requeued));
        assertThat(board.apply(event(4, requeued))).isFalse();
        assertThat(board.ticket(1).orElseThrow().state()).isEqualTo(TicketState.WAITING);
        assertThat(board.seq()).isEqualTo(4);
    }

    /** The same ticket with its call and end times (seconds after T0; null for none). */
    private static TicketDto times(TicketDto t, Integer calledAfter, Integer finishedAfter) {
        return new TicketDto(t.id(), t.siteId(), t.serviceId(), t.number(), t.serviceDate(), t.state(), t.priority(),
                t.source(), t.patientName(), t.phone(), t.assignedDoctor(), calledAfter == null ? null : 1L,
                calledAfter == null ? null : 1L, t.returnServiceId(), t.issuedAt(), t.queuedAt(),
                calledAfter == null ? null : T0.plusSeconds(calledAfter),
                finishedAfter == null ? null : T0.plusSeconds(finishedAfter), calledAfter == null ? 0 : 1);
    }

    private static SiteSnapshot snapshot(long seq, TicketDto... tickets) {
        return new SiteSnapshot(seq, new SiteDto(1, "Clinic", "UTC"), List.of(), List.of(),
                new QueueStatusDto(1, seq, List.of(), List.of()), List.of(tickets));
    }

    private static QueueEvent event(long seq, TicketDto ticket) {
        return new TicketEvent(seq, 1, EventType.TICKET_ISSUED, T0, "test", ticket);
    }

    static TicketDto ticket(long id, String number, TicketState state, Priority priority, int secondsAfter) {
        Instant at = T0.plusSeconds(secondsAfter);
        return new TicketDto(id, 1, 1, number, LocalDate.of(2026, 11, 23), state, priority, TicketSource.RECEPTION,
                null, null, null, null, null, null, at, at, null, null, 0);
    }
}
