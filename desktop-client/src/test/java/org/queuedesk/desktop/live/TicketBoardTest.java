package org.queuedesk.desktop.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.queuedesk.common.event.EventType;
import org.queuedesk.common.event.QueueEvent;
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

    private static SiteSnapshot snapshot(long seq, TicketDto... tickets) {
        return new SiteSnapshot(seq, new SiteDto(1, "Clinic", "UTC"), List.of(), List.of(),
                new QueueStatusDto(1, seq, List.of(), List.of()), List.of(tickets));
    }

    private static QueueEvent event(long seq, TicketDto ticket) {
        return new QueueEvent(seq, 1, EventType.TICKET_ISSUED, T0, "test", ticket, null);
    }

    static TicketDto ticket(long id, String number, TicketState state, Priority priority, int secondsAfter) {
        Instant at = T0.plusSeconds(secondsAfter);
        return new TicketDto(id, 1, 1, number, LocalDate.of(2026, 11, 23), state, priority, TicketSource.RECEPTION,
                null, null, null, null, null, null, at, at, null, null, 0);
    }
}
