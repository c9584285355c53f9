package org.queuedesk.desktop.display;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.SimpleBooleanProperty;
import org.junit.jupiter.api.Test;
import org.queuedesk.common.event.EventType;
import org.queuedesk.common.event.QueueEvent;
import org.queuedesk.common.event.SessionEvent;
import org.queuedesk.common.event.TicketEvent;
import org.queuedesk.common.queue.SessionDto;
import org.queuedesk.common.ticket.Priority;
import org.queuedesk.common.ticket.TicketDto;
import org.queuedesk.common.ticket.TicketSource;
import org.queuedesk.common.ticket.TicketState;
import org.queuedesk.desktop.api.EventStreamClient;
import org.queuedesk.desktop.api.QueueDeskClient;
import org.queuedesk.desktop.api.TokenStore;
import org.queuedesk.desktop.ground.CurrentThreadExecutor;
import org.queuedesk.desktop.api.ReconnectPolicy;
import org.queuedesk.desktop.testing.ManualScheduler;
import org.queuedesk.desktop.testing.ManualUiTimer;

/** How events change the board, without a toolkit or a server: the view-model is fed events directly. */
class DisplayViewModelTest {

    private static final Instant T0 = Instant.parse("2026-11-23T09:00:00Z");
    private final List<String> announced = new ArrayList<>();
    private final ManualUiTimer timer = new ManualUiTimer();
    private final DisplayViewModel board = board((number, room) -> announced.add(number + " " + room));
    private long seq;

    private DisplayViewModel board(Announcer announcer) {
        var board = new DisplayViewModel(new CurrentThreadExecutor(),
                new QueueDeskClient(HttpClient.newHttpClient(), URI.create("http://unused"), new TokenStore(Clock.systemUTC()),
                        Duration.ofSeconds(1)),
                new EventStreamClient(HttpClient.newHttpClient(), new TokenStore(Clock.systemUTC()), new ManualScheduler(),
                        ReconnectPolicy.DEFAULT, Runnable::run),
                new SimpleBooleanProperty(true), announcer, Clock.fixed(T0.plusSeconds(30), java.time.ZoneOffset.UTC), timer);
        // the rooms' names come with their doctors' sessions, as on the wire (a ticket event carries no session)
        board.apply(event(EventType.SESSION_OPENED, null, session(2, "Room 2")));
        board.apply(event(EventType.SESSION_OPENED, null, session(3, "Room 3")));
        return board;
    }

    /** The chime's sound output, recorded: what the speaker would have played. */
    private static final class RecordingSound implements SoundOutput {
        final List<Integer> played = new ArrayList<>();

        @Override
        public void play(byte[] samples, float sampleRate) {
            played.add(samples.length);
        }
    }

    @Test
    void aRecallOfTheSameNumberFlashesAndChimesAgain() {
        RecordingSound speaker = new RecordingSound();
        // the real announcer, its queue on this thread and its speaker recorded
        var announcer = new CallAnnouncer(false, java.util.Locale.ENGLISH, "Ticket {0}, {1}", speaker,
                new DirectExecutorService());
        DisplayViewModel display = board(announcer);
        List<String> flashes = new ArrayList<>();
        display.flashing().addListener((javafx.collections.SetChangeListener<String>) change -> {
            if (change.wasAdded()) {
                flashes.add(change.getElementAdded());
            }
        });

        display.apply(event(EventType.TICKET_CALLED, ticket("A-001", 2L, TicketState.CALLED), session(2, "Room 2")));
        assertThat(display.flashing()).containsExactly("A-001");
        assertThat(speaker.played).hasSize(1);

        // the flash blinks a few times, then stops by itself
        timer.fireDue();
        assertThat(display.flashing()).as("the off phase").isEmpty();
        timer.fireUntilQuiet();
        assertThat(display.flashing()).isEmpty();
        assertThat(timer.pending()).isEmpty();
        int blinks = flashes.size();
        assertThat(blinks).as("it blinks, not only lights up").isGreaterThan(1);

        display.apply(event(EventType.TICKET_RECALLED, ticket("A-001", 2L, TicketState.CALLED), session(2, "Room 2")));

        assertThat(display.flashing()).containsExactly("A-001");
        assertThat(flashes).hasSize(blinks + 1);
        assertThat(speaker.played).as("the recall chimes again").hasSize(2);

        // a recall while it still flashes starts the flash over: the view sees it come back
        display.apply(event(EventType.TICKET_RECALLED, ticket("A-001", 2L, TicketState.CALLED), session(2, "Room 2")));
        assertThat(flashes).hasSize(blinks + 2);
        assertThat(timer.pending()).hasSize(1);
        assertThat(speaker.played).hasSize(3);
    }

    @Test
    void aCallThatLeavesTheBoardStopsFlashing() {
        board.apply(event(EventType.TICKET_CALLED, ticket("A-001", 2L, TicketState.CALLED), session(2, "Room 2")));
        assertThat(board.flashing()).containsExactly("A-001");

        board.apply(event(EventType.TICKET_NO_SHOW, ticket("A-001", 2L, TicketState.NO_SHOW), null));

        assertThat(board.flashing()).isEmpty();
        assertThat(timer.pending()).isEmpty();
    }

    @Test
    void eachRoomShowsItsCurrentCallNewestFirstAndEveryCallAndRecallChimes() {
        board.apply(event(EventType.TICKET_CALLED, ticket("A-001", 2L, TicketState.CALLED), session(2, "Room 2")));
        board.apply(event(EventType.TICKET_CALLED, ticket("B-001", 3L, TicketState.CALLED), session(3, "Room 3")));
        board.apply(event(EventType.TICKET_RECALLED, ticket("A-001", 2L, TicketState.CALLED), session(2, "Room 2")));

        assertThat(board.current()).extracting(DisplayViewModel.RoomCall::number).containsExactly("A-001", "B-001");
        assertThat(board.recent()).as("both are on the board in big").isEmpty();
        assertThat(announced).containsExactly("A-001 Room 2", "B-001 Room 3", "A-001 Room 2");
    }

    @Test
    void earlierCallsListEachNumberOnceNewestFirstAndNoneThatTheBoardShows() {
        board.apply(event(EventType.TICKET_CALLED, ticket("A-001", 2L, TicketState.CALLED), session(2, "Room 2")));
        board.apply(event(EventType.TICKET_CALLED, ticket("B-001", 3L, TicketState.CALLED), session(3, "Room 3")));
        board.apply(event(EventType.TICKET_CALLED, ticket("A-002", 2L, TicketState.CALLED), session(2, "Room 2")));
        board.apply(event(EventType.TICKET_RECALLED, ticket("A-002", 2L, TicketState.CALLED), session(2, "Room 2")));
        assertThat(board.recent()).extracting(DisplayViewModel.Call::number).containsExactly("A-001");

        board.apply(event(EventType.TICKET_CALLED, ticket("A-003", 2L, TicketState.CALLED), session(2, "Room 2")));
        board.apply(event(EventType.TICKET_DONE, ticket("B-001", 3L, TicketState.DONE), null));
        assertThat(board.current()).extracting(DisplayViewModel.RoomCall::number).containsExactly("A-003");
        assertThat(board.recent()).extracting(DisplayViewModel.Call::number).containsExactly("A-002", "B-001", "A-001");
        assertThat(board.recent()).extracting(DisplayViewModel.Call::room).containsExactly("Room 2", "Room 3", "Room 2");
    }

    @Test
    void aFinishedTicketOrAClosedSessionLeavesTheBoardQuietly() {
        board.apply(event(EventType.TICKET_CALLED, ticket("A-001", 2L, TicketState.CALLED), session(2, "Room 2")));
        board.apply(event(EventType.TICKET_CALLED, ticket("B-001", 3L, TicketState.CALLED), session(3, "Room 3")));
        board.apply(event(EventType.TICKET_SERVING, ticket("A-001", 2L, TicketState.SERVING), null));
        assertThat(board.current().get(1).serving()).isTrue();

        board.apply(event(EventType.TICKET_DONE, ticket("A-001", 2L, TicketState.DONE), null));
        board.apply(event(EventType.SESSION_CLOSED, null, session(3, "Room 3")));

        assertThat(board.current()).isEmpty();
        assertThat(board.recent()).hasSize(2);
        assertThat(announced).hasSize(2);
    }

    @Test
    void onlyTheLastSixCallsAreKept() {
        for (int i = 1; i <= 8; i++) {
            board.apply(event(EventType.TICKET_CALLED, ticket("A-00" + i, 2L, TicketState.CALLED), session(2, "Room 2")));
        }
        assertThat(board.recent()).hasSize(DisplayViewModel.RECENT);
        assertThat(board.recent().get(0).number()).as("A-008 is on the board in big").isEqualTo("A-007");
        assertThat(board.current()).singleElement().extracting(DisplayViewModel.RoomCall::number).isEqualTo("A-008");
    }

    @Test
    void aCallCaughtUpLongAfterItWasMadeGoesOnTheBoardWithoutAChime() {
        var old = new TicketEvent(++seq, 1, EventType.TICKET_CALLED, T0.minus(Duration.ofMinutes(10)), null,
                ticket("A-001", 2L, TicketState.CALLED));

        board.apply(old);

        assertThat(board.current()).hasSize(1);
        assertThat(announced).isEmpty();
        assertThat(board.flashing()).as("nor a flash").isEmpty();
    }

    /** A ticket event when there is a ticket (its session, if given, only says where it was called), else a session event. */
    private QueueEvent event(EventType type, TicketDto ticket, SessionDto session) {
        seq++;
        return ticket != null ? new TicketEvent(seq, 1, type, T0.plusSeconds(seq), null, ticket)
                : new SessionEvent(seq, 1, type, T0.plusSeconds(seq), null, session);
    }

    private static TicketDto ticket(String number, Long roomId, TicketState state) {
        return new TicketDto(number.hashCode(), 1, 1, number, LocalDate.of(2026, 11, 23), state, Priority.NORMAL,
                TicketSource.KIOSK, null, null, null, roomId, null, null, T0, T0, T0, null, 0);
    }

    private static SessionDto session(long roomId, String roomName) {
        return new SessionDto(roomId, 1, roomId, roomName, "dr", List.of(1L), false, null, T0, null);
    }
}
