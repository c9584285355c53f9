package org.queuedesk.desktop.display;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ObservableBooleanValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.ObservableSet;
import org.queuedesk.common.event.QueueEvent;
import org.queuedesk.common.event.SessionEvent;
import org.queuedesk.common.event.TicketEvent;
import org.queuedesk.common.queue.QueueStatusDto;
import org.queuedesk.common.site.RoomDto;
import org.queuedesk.common.site.SiteDto;
import org.queuedesk.common.ticket.TicketDto;
import org.queuedesk.desktop.api.ApiException;
import org.queuedesk.desktop.api.EventStreamClient;
import org.queuedesk.desktop.api.QueueDeskClient;
import org.queuedesk.desktop.ground.BackgroundExecutor;
import org.queuedesk.desktop.ground.UiTimer;

/**
 * The waiting-room board: the current call in each room (newest first) and the last few calls, from the
 * queue status and then the site's event stream. Only numbers and rooms: names never reach it (the server
 * redacts a display's events) and it would not show them anyway. After an outage the stream catches up from
 * its last sequence number, so calls made meanwhile appear (and chime) in order. A new call or a recall chimes
 * and flashes on the board for a few seconds ({@link #flashing()}). Lives on the UI thread.
 */
public final class DisplayViewModel {

    private static final Logger LOG = Logger.getLogger(DisplayViewModel.class.getName());
    static final int RECENT = 6;
    /** Calls older than this (caught up after an outage) go on the board without a chime. */
    static final Duration STALE_CALL = Duration.ofMinutes(2);
    /** A new call or a recall flashes: on and off this many times (as the web board), each phase this long. */
    static final int FLASHES = 4;
    static final Duration FLASH_PHASE = Duration.ofMillis(500);

    /** A room and the number called to it; {@code serving} once the patient arrived. */
    public record RoomCall(long roomId, String room, String number, boolean serving, Instant at) {
    }

    /** One call as the "last calls" list shows it. */
    public record Call(String number, String room, Instant at) {
    }

    private final BackgroundExecutor background;
    private final QueueDeskClient client;
    private final EventStreamClient stream;
    private final Announcer announcer;
    private final java.time.Clock clock;
    private final UiTimer timer;

    private final ObservableList<RoomCall> current = FXCollections.observableArrayList();
    private final ObservableList<Call> recent = FXCollections.observableArrayList();
    // one read-only view each: a fresh wrapper per call would drop its listeners once it is collected
    private final ObservableList<RoomCall> currentView = FXCollections.unmodifiableObservableList(current);
    private final ObservableList<Call> recentView = FXCollections.unmodifiableObservableList(recent);
    private final ReadOnlyStringWrapper siteName = new ReadOnlyStringWrapper(this, "siteName", "");
    private final ReadOnlyBooleanWrapper streaming = new ReadOnlyBooleanWrapper(this, "streaming", false);
    private final ReadOnlyBooleanWrapper loaded = new ReadOnlyBooleanWrapper(this, "loaded", false);
    private final BooleanBinding offline;
    private final Map<Long, RoomCall> byRoom = new HashMap<>();
    /** Every number's latest call, newest last; "earlier calls" shows the newest of these not on the board. */
    private final LinkedHashMap<String, Call> calls = new LinkedHashMap<>();
    private final Map<Long, String> roomNames = new LinkedHashMap<>();
    private final ObservableSet<String> flashing = FXCollections.observableSet(new HashSet<>());
    private final ObservableSet<String> flashingView = FXCollections.unmodifiableObservableSet(flashing);
    private final Map<String, Runnable> flashTimers = new HashMap<>();
    private boolean started;
    private boolean streamStarted;

    public DisplayViewModel(BackgroundExecutor background, QueueDeskClient client, EventStreamClient stream,
                            ObservableBooleanValue serverReachable, Announcer announcer, java.time.Clock clock,
                            UiTimer timer) {
        this(background, client, stream, serverReachable, announcer, clock, timer, java.util.Locale.ROOT);
    }

    /** {@code language}: rooms show the name an admin gave them in it, else their default name. */
    public DisplayViewModel(BackgroundExecutor background, QueueDeskClient client, EventStreamClient stream,
                            ObservableBooleanValue serverReachable, Announcer announcer, java.time.Clock clock,
                            UiTimer timer, java.util.Locale language) {
        this.language = language;
        this.background = background;
        this.clock = clock;
        this.timer = timer;
        this.client = client;
        this.stream = stream;
        this.announcer = announcer;
        this.offline = Bindings.createBooleanBinding(() -> !(streaming.get() && loaded.get()), streaming, loaded);
        serverReachable.addListener((o, was, now) -> {
            if (now && started) {
                if (!loaded.get()) {
                    load();
                }
                stream.reconnectNow();
            }
        });
    }

    private final java.util.Locale language;

    private record Snapshot(SiteDto site, List<RoomDto> rooms, QueueStatusDto status) {
    }

    public void start() {
        started = true;
        load();
    }

    public void stop() {
        started = false;
        streamStarted = false;
        stream.stop();
        announcer.close();
        List.copyOf(flashTimers.keySet()).forEach(this::stopFlash);
    }

    private void load() {
        background.run(this::readSnapshot, this::snapshotArrived, failure -> {
            LOG.log(Level.INFO, "Display cannot read the board yet", failure);
            loaded.set(false);
        });
    }

    private Snapshot readSnapshot() throws Exception {
        ApiException refused = null;
        for (SiteDto site : client.sites()) {
            try {
                QueueStatusDto status = client.queueStatus(site.id());
                return new Snapshot(site, client.rooms(site.id()), status);
            } catch (ApiException e) {
                if (e.status() != 403) {
                    throw e;
                }
                refused = e; // another site's: a display only sees its own
            }
        }
        throw refused != null ? refused : new IllegalStateException("The server has no site yet");
    }

    private void snapshotArrived(Snapshot snapshot) {
        if (!started) {
            return;
        }
        siteName.set(snapshot.site().name());
        snapshot.rooms().forEach(room -> roomNames.put(room.id(), room.nameIn(language)));
        if (!streamStarted) {
            // the snapshot is only the starting picture; afterwards the stream alone changes the board
            byRoom.clear();
            for (QueueStatusDto.RoomStatus room : snapshot.status().rooms()) {
                roomNames.putIfAbsent(room.roomId(), room.roomName());
                if (room.ticketNumber() != null && ("called".equals(room.ticketState()) || "serving".equals(room.ticketState()))) {
                    byRoom.put(room.roomId(), new RoomCall(room.roomId(), roomNames.get(room.roomId()), room.ticketNumber(),
                            "serving".equals(room.ticketState()), Instant.EPOCH));
                }
            }
            streamStarted = true;
            stream.start(client.server(), snapshot.site().id(), snapshot.status().lastEventSeq(), new Listener());
        }
        loaded.set(true);
        publish();
    }

    private final class Listener implements EventStreamClient.Listener {
        @Override
        public void onEvent(QueueEvent event) {
            apply(event);
        }

        @Override
        public void onConnected(boolean afterDrop) {
            streaming.set(true);
        }

        @Override
        public void onDisconnected(Duration retryIn) {
            streaming.set(false);
        }
    }

    /** One event from the stream (package-visible for tests). */
    void apply(QueueEvent event) {
        if (event instanceof SessionEvent change && change.session().roomName() != null) {
            roomNames.putIfAbsent(change.session().roomId(), change.session().roomName()); // a room created after the board loaded
        }
        TicketDto ticket = event instanceof TicketEvent change ? change.ticket() : null;
        switch (event.type()) {
            case TICKET_CALLED, TICKET_RECALLED -> {
                Long roomId = ticket == null ? null : ticket.roomId();
                if (ticket == null || roomId == null) {
                    return;
                }
                String room = roomNames.getOrDefault(roomId, "#" + roomId);
                Instant at = event.at() == null ? clock.instant() : event.at();
                byRoom.put(roomId, new RoomCall(roomId, room, ticket.number(), false, at));
                calls.remove(ticket.number()); // a recall moves it up rather than listing it twice
                calls.put(ticket.number(), new Call(ticket.number(), room, at));
                publish();
                if (!at.isBefore(clock.instant().minus(STALE_CALL))) {
                    flash(ticket.number());
                    announcer.announce(ticket.number(), room);
                }
            }
            case TICKET_SERVING -> {
                if (ticket != null && ticket.roomId() != null) {
                    byRoom.computeIfPresent(ticket.roomId(), (id, call) -> call.number().equals(ticket.number())
                            ? new RoomCall(id, call.room(), call.number(), true, call.at()) : call);
                    publish();
                }
            }
            case TICKET_DONE, TICKET_NO_SHOW, TICKET_CANCELLED, TICKET_TRANSFERRED, TICKET_REQUEUED -> {
                if (ticket != null && byRoom.values().removeIf(call -> call.number().equals(ticket.number()))) {
                    stopFlash(ticket.number());
                    publish();
                }
            }
            case SESSION_CLOSED -> {
                if (event instanceof SessionEvent closed && byRoom.remove(closed.session().roomId()) != null) {
                    publish();
                }
            }
            default -> { }
        }
    }

    /**
     * Flashes {@code number} from the start: on, off, … {@link #FLASHES} times. A recall while it still flashes
     * starts over, and the set shows it leave and come back so the view sees a fresh flash.
     */
    private void flash(String number) {
        stopFlash(number);
        flashPhase(number, 2 * FLASHES);
    }

    private void flashPhase(String number, int phasesLeft) {
        if (phasesLeft == 0) {
            flashTimers.remove(number);
            flashing.remove(number);
            return;
        }
        if (phasesLeft % 2 == 0) {
            flashing.add(number);
        } else {
            flashing.remove(number);
        }
        flashTimers.put(number, timer.after(FLASH_PHASE, () -> flashPhase(number, phasesLeft - 1)));
    }

    private void stopFlash(String number) {
        Runnable cancel = flashTimers.remove(number);
        if (cancel != null) {
            cancel.run();
        }
        flashing.remove(number);
    }

    private void publish() {
        List<RoomCall> onBoard = new ArrayList<>(byRoom.values());
        onBoard.sort(Comparator.comparing(RoomCall::at).reversed().thenComparing(RoomCall::room));
        current.setAll(onBoard);
        // earlier calls: each number once, newest first, and none that the board shows in big already
        var shown = new java.util.HashSet<String>();
        onBoard.forEach(call -> shown.add(call.number()));
        List<Call> earlier = new ArrayList<>();
        var newestFirst = new ArrayList<>(calls.values());
        java.util.Collections.reverse(newestFirst);
        for (Call call : newestFirst) {
            if (earlier.size() == RECENT) {
                break;
            }
            if (!shown.contains(call.number())) {
                earlier.add(call);
            }
        }
        recent.setAll(earlier);
        // keep what a full list and every room could still need, not the whole day
        while (calls.size() > RECENT + byRoom.size()) {
            calls.remove(calls.keySet().iterator().next());
        }
    }

    public ObservableList<RoomCall> current() {
        return currentView;
    }

    public ObservableList<Call> recent() {
        return recentView;
    }

    /** Numbers in the "on" phase of their flash right now (a new call or a recall). */
    public ObservableSet<String> flashing() {
        return flashingView;
    }

    public ReadOnlyStringProperty siteNameProperty() {
        return siteName.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty loadedProperty() {
        return loaded.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty streamingProperty() {
        return streaming.getReadOnlyProperty();
    }

    /** True while the board may be behind: not loaded yet, or the stream is reconnecting. */
    public BooleanBinding offlineProperty() {
        return offline;
    }
}
