package org.queuedesk.desktop.doctor;

import java.util.ArrayDeque;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.ObservableMap;
import org.queuedesk.common.event.QueueEvent;
import org.queuedesk.common.event.SessionEvent;
import org.queuedesk.common.queue.OpenSessionRequest;
import org.queuedesk.common.queue.QueueStatusDto;
import org.queuedesk.common.queue.SessionDto;
import org.queuedesk.common.site.RoomDto;
import org.queuedesk.common.site.ServiceDto;
import org.queuedesk.common.ticket.TicketDto;
import org.queuedesk.common.ticket.TicketState;
import org.queuedesk.common.ticket.TransferRequest;
import org.queuedesk.desktop.api.ApiException;
import org.queuedesk.desktop.api.IdempotencyKeys;
import org.queuedesk.desktop.api.QueueDeskClient;
import org.queuedesk.desktop.api.QueueDeskClient.PatientAction;
import org.queuedesk.desktop.api.QueueDeskClient.SessionAction;
import org.queuedesk.desktop.ground.BackgroundExecutor;
import org.queuedesk.desktop.ground.Confirmation;
import org.queuedesk.desktop.live.DeskAction;
import org.queuedesk.desktop.ground.PendingConfirmation;
import org.queuedesk.desktop.live.SiteSnapshot;
import org.queuedesk.desktop.live.LiveSite;
import org.queuedesk.desktop.live.TicketText;

/**
 * The consulting room. First a session (room and services), then the big Next: it sends the patient the
 * desk believes is current as {@code expectedCurrentTicketId}, so a second click can never finish a
 * patient nobody has seen, and it is disabled while a request is in flight. Never sees a control.
 */
public final class DoctorViewModel {


    private final LiveSite live;
    private final BackgroundExecutor background;
    private final TicketText text;
    private final IdempotencyKeys keys = new IdempotencyKeys();
    private final PendingConfirmation confirmation = new PendingConfirmation();
    private final boolean mayJoinOthers;
    /** Who has an open session in which room: the snapshot's rooms, then every session event after it. */
    private final ObservableMap<Long, SessionDto> roomSessions = FXCollections.observableHashMap();
    private final ArrayDeque<SessionEvent> sessionEvents = new ArrayDeque<>();
    private final String signedInName;
    private boolean resumePending;
    private Long resumeHint;

    private final ObservableList<RoomDto> rooms = FXCollections.observableArrayList();
    private final ObservableList<ServiceChoice> serviceChoices = FXCollections.observableArrayList();
    private final ObservableList<ServiceDto> services = FXCollections.observableArrayList();
    private final ObjectProperty<RoomDto> room = new SimpleObjectProperty<>(this, "room");
    private final StringProperty doctorName = new SimpleStringProperty(this, "doctorName", "");
    private final ReadOnlyStringWrapper setupError = new ReadOnlyStringWrapper(this, "setupError", "");

    private final ReadOnlyObjectWrapper<SessionDto> session = new ReadOnlyObjectWrapper<>(this, "session");
    private final ReadOnlyObjectWrapper<TicketDto> current = new ReadOnlyObjectWrapper<>(this, "current");
    private final ObservableList<WaitingRow> waiting = FXCollections.observableArrayList();
    private final ReadOnlyBooleanWrapper inFlight = new ReadOnlyBooleanWrapper(this, "inFlight", false);
    private final ReadOnlyStringWrapper actionError = new ReadOnlyStringWrapper(this, "actionError", "");
    private final ReadOnlyStringWrapper sessionTitle = new ReadOnlyStringWrapper(this, "sessionTitle", "");
    private final ReadOnlyStringWrapper currentNumber = new ReadOnlyStringWrapper(this, "currentNumber", "");
    private final ReadOnlyStringWrapper currentName = new ReadOnlyStringWrapper(this, "currentName", "");
    private final ReadOnlyStringWrapper currentDetail = new ReadOnlyStringWrapper(this, "currentDetail", "");
    private final ReadOnlyStringWrapper waitingSummary = new ReadOnlyStringWrapper(this, "waitingSummary", "");
    private final ObjectProperty<ServiceDto> transferTarget = new SimpleObjectProperty<>(this, "transferTarget");
    private final BooleanProperty transferReturns = new SimpleBooleanProperty(this, "transferReturns", true);

    private final BooleanBinding sessionOpen;
    private final BooleanBinding canAct;
    private final BooleanBinding canNext;
    private final BooleanBinding hasCurrent;
    private final BooleanBinding paused;
    private final BooleanBinding canOpen;
    private final BooleanBinding canServe;
    private final BooleanBinding canRecall;
    private final BooleanBinding canNoShow;
    private final BooleanBinding canDone;
    private final BooleanBinding canTransfer;

    public DoctorViewModel(LiveSite live, BackgroundExecutor background, TicketText text, String signedInName) {
        this(live, background, text, signedInName, false);
    }

    /**
     * {@code mayJoinOthers}: the signed-in user is an admin. The server lets only a session's own doctor or an
     * admin use its buttons, so only an admin is offered to join another doctor's session.
     */
    public DoctorViewModel(LiveSite live, BackgroundExecutor background, TicketText text, String signedInName,
                           boolean mayJoinOthers) {
        this.mayJoinOthers = mayJoinOthers;
        this.live = live;
        this.background = background;
        this.text = text;
        this.signedInName = signedInName == null ? "" : signedInName;
        doctorName.set(this.signedInName);
        sessionOpen = session.isNotNull();
        paused = Bindings.createBooleanBinding(() -> session.get() != null && session.get().paused(), session);
        hasCurrent = current.isNotNull();
        canAct = Bindings.createBooleanBinding(() -> live.onlineProperty().get() && !inFlight.get() && session.get() != null,
                live.onlineProperty(), inFlight, session);
        canNext = Bindings.createBooleanBinding(() -> canAct.get() && !paused.get(), canAct, paused);
        canOpen = Bindings.createBooleanBinding(() -> live.onlineProperty().get() && !inFlight.get(),
                live.onlineProperty(), inFlight);
        canServe = allowed(DeskAction.SERVE);
        canRecall = allowed(DeskAction.RECALL);
        canNoShow = allowed(DeskAction.NO_SHOW);
        canDone = allowed(DeskAction.DONE);
        canTransfer = allowed(DeskAction.TRANSFER);
        // a fixed field takes its complaint away
        room.addListener((o, before, now) -> setupError.set(""));
        current.addListener((o, before, now) -> {
            if (before == null || now == null || before.id() != now.id()) {
                startActionsAfresh();
            }
        });
        live.onEvent(this::heard);
        live.onChange(this::refreshViews);
        live.snapshotProperty().addListener((o, before, now) -> takeRooms(now));
        takeRooms(live.snapshot());
        refreshViews();
    }

    private BooleanBinding allowed(DeskAction action) {
        return Bindings.createBooleanBinding(() -> canAct.get() && current.get() != null
                && action.allows(current.get().state()), canAct, current);
    }

    /** Another patient: the transfer target and "return here" chosen for the last one do not carry over. */
    private void startActionsAfresh() {
        transferTarget.set(null);
        transferReturns.set(true);
        confirmation.dismiss();
    }

    // --- the session ---------------------------------------------------------------------------------

    /**
     * Opens a session at the chosen room. A room with another doctor's open session is joined only after the
     * doctor confirmed it, seeing who is there; the doctor's own session (the app was restarted, or the doctor
     * moved desks) is taken up again at once.
     */
    public void openSession() {
        setupError.set("");
        RoomDto chosenRoom = room.get();
        List<Long> serviceIds = serviceChoices.stream().filter(c -> c.chosenProperty().get())
                .map(c -> c.service().id()).toList();
        if (chosenRoom == null) {
            setupError.set(text.format("doctor.setup.error.room"));
            return;
        }
        if (serviceIds.isEmpty()) {
            setupError.set(text.format("doctor.setup.error.services"));
            return;
        }
        if (!canOpen.get()) {
            return;
        }
        Optional<SessionDto> existing = occupant(chosenRoom);
        if (existing.isPresent() && !isMine(existing.get()) && !mayJoinOthers) {
            setupError.set(text.format("doctor.join.refused", chosenRoom.name(), existing.get().doctor()));
            return;
        }
        if (existing.isPresent() && !isMine(existing.get())) {
            SessionDto theirs = existing.get();
            confirmation.ask(new Confirmation(
                    text.format("doctor.join.title", chosenRoom.name(), theirs.doctor()),
                    text.format("doctor.join.message", chosenRoom.name(), theirs.doctor()),
                    text.format("doctor.join.yes", chosenRoom.name(), theirs.doctor()),
                    text.format("doctor.join.no"),
                    () -> open(chosenRoom, serviceIds, Optional.of(theirs.id()))));
            return;
        }
        open(chosenRoom, serviceIds, existing.map(SessionDto::id));
    }

    private void open(RoomDto chosenRoom, List<Long> serviceIds, Optional<Long> existing) {
        if (!canOpen.get()) {
            return;
        }
        var request = new OpenSessionRequest(chosenRoom.id(), serviceIds, TicketText.optional(doctorName.get()));
        String action = "open:" + request;
        String key = keys.keyFor(action);
        QueueDeskClient client = live.client();
        inFlight.set(true);
        background.run(() -> existing.isPresent() ? client.session(existing.get()) : client.openSession(request, key),
                opened -> {
                    keys.settled(action);
                    inFlight.set(false);
                    adopt(opened);
                }, error -> {
                    keys.settledUnlessUnanswered(action, error);
                    inFlight.set(false);
                    setupError.set(text.failure(error));
                });
    }

    /**
     * Back to this doctor's session that is still open (signed out, or the sign-in ended, or the app was
     * restarted): the one this app last had for them ({@code lastKnown}, may be null), or else the one open
     * session under their name. Runs once the site's picture is in; nothing when there is none.
     */
    public void resumeOpenSession(Long lastKnown) {
        resumeHint = lastKnown;
        resumePending = true;
        refreshViews();
    }

    private void resumeIfPending(QueueStatusDto status) {
        if (!resumePending || session.get() != null) {
            return;
        }
        resumePending = false;
        List<QueueStatusDto.RoomStatus> open = status.rooms().stream().filter(r -> r.sessionId() != null).toList();
        Optional<Long> mine = open.stream().map(QueueStatusDto.RoomStatus::sessionId)
                .filter(id -> id.equals(resumeHint)).findFirst();
        if (mine.isEmpty() && !signedInName.isBlank()) {
            var named = open.stream().filter(r -> signedInName.equalsIgnoreCase(r.doctor())).toList();
            mine = named.size() == 1 ? Optional.of(named.get(0).sessionId()) : Optional.empty();
        }
        mine.ifPresent(id -> {
            QueueDeskClient client = live.client();
            background.run(() -> client.session(id), found -> {
                if (session.get() == null && found.closedAt() == null) {
                    adopt(found);
                }
            }, error -> { });
        });
    }

    /** The open session at a room, if any, as this desk last heard. */
    public Optional<SessionDto> occupant(RoomDto room) {
        return Optional.ofNullable(roomSessions.get(room.id()));
    }

    /** "Room 2 · free" or "Room 2 · in use by dr.ruiz", for the room chooser. */
    public String roomLabel(RoomDto room) {
        return occupant(room).map(s -> text.format("doctor.setup.room.taken", room.name(), s.doctor()))
                .orElseGet(() -> text.format("doctor.setup.room.free", room.name()));
    }

    // the name the session would be opened under: this doctor's own session is no one else's room
    private boolean isMine(SessionDto open) {
        String me = TicketText.optional(doctorName.get());
        return me != null && open.doctor() != null && open.doctor().strip().toLowerCase(Locale.ROOT)
                .equals(me.toLowerCase(Locale.ROOT));
    }

    private void takeRooms(SiteSnapshot snapshot) {
        if (snapshot == null) {
            return;
        }
        roomSessions.clear();
        for (QueueStatusDto.RoomStatus room : snapshot.status().rooms()) {
            if (room.sessionId() != null) {
                roomSessions.put(room.roomId(), new SessionDto(room.sessionId(), snapshot.site().id(), room.roomId(),
                        room.roomName(), room.doctor(), List.of(), room.paused(), room.ticketId(), null, null));
            }
        }
        // session events heard while the snapshot was on its way are newer than it
        sessionEvents.stream().filter(e -> e.seq() > snapshot.seq()).forEach(this::takeSession);
    }

    private void takeSession(SessionEvent event) {
        SessionDto session = event.session();
        if (session.closedAt() == null) {
            roomSessions.put(session.roomId(), session);
        } else {
            SessionDto known = roomSessions.get(session.roomId());
            if (known != null && known.id() == session.id()) {
                roomSessions.remove(session.roomId());
            }
        }
    }

    private void adopt(SessionDto opened) {
        session.set(opened.closedAt() == null ? opened : null);
        refreshViews();
        // missing, or known only from before it was called (a refused Next after another desk moved on)
        if (opened.currentTicketId() != null && live.board().ticket(opened.currentTicketId())
                .filter(t -> t.state() == TicketState.CALLED || t.state() == TicketState.SERVING).isEmpty()) {
            QueueDeskClient client = live.client();
            background.run(() -> client.ticket(opened.currentTicketId()), live::put, error -> { });
        }
    }

    // --- the buttons ---------------------------------------------------------------------------------

    /** Next (also Space and Enter). Ignored while a request is in flight, so a double press is one Next. */
    public void next() {
        SessionDto now = session.get();
        if (now == null || !canNext.get()) {
            return;
        }
        long expected = current.get() == null ? 0 : current.get().id();
        String action = "next:" + now.id() + ":" + expected;
        String key = keys.keyFor(action);
        QueueDeskClient client = live.client();
        inFlight.set(true);
        actionError.set("");
        background.run(() -> client.next(now.id(), expected, key), result -> {
            keys.settled(action);
            inFlight.set(false);
            if (result.finished() != null) {
                live.put(result.finished());
            }
            if (result.called() != null) {
                live.put(result.called());
            }
            session.set(result.session());
            if (result.called() == null) {
                actionError.set(text.format("doctor.next.empty"));
            }
            refreshViews();
        }, error -> {
            keys.settledUnlessUnanswered(action, error);
            inFlight.set(false);
            actionError.set(text.failure(error));
            if (error instanceof ApiException) {
                reloadSession();
            }
        });
    }

    public void recall() {
        patient(PatientAction.RECALL);
    }

    public void serve() {
        patient(PatientAction.SERVE);
    }

    /** The patient leaves the queue (reception can put them back): asks first, naming the ticket. */
    public void noShow() {
        TicketDto patient = current.get();
        if (patient == null || !canNoShow.get()) {
            return;
        }
        confirmation.ask(new Confirmation(text.format("doctor.noShow.confirm.title", patient.number()),
                text.format("doctor.noShow.confirm.message", patient.number()),
                text.format("doctor.noShow.confirm.yes"), text.format("confirm.keep"), () -> {
                    // only for the patient the doctor was asked about
                    if (current.get() != null && current.get().id() == patient.id()) {
                        patient(PatientAction.NO_SHOW);
                    }
                }));
    }

    public void done() {
        patient(PatientAction.DONE);
    }

    private void patient(PatientAction which) {
        SessionDto now = session.get();
        if (now == null || current.get() == null || !canAct.get()) {
            return;
        }
        String action = which + ":" + now.id() + ":" + current.get().id();
        String key = keys.keyFor(action);
        QueueDeskClient client = live.client();
        inFlight.set(true);
        actionError.set("");
        background.run(() -> client.patientAction(now.id(), which, key), ticket -> {
            keys.settled(action);
            inFlight.set(false);
            live.put(ticket);
            reloadSession();
        }, error -> failed(action, error));
    }

    /** Sends the current patient to another service; with "return" they come back here afterwards. */
    public void transfer() {
        SessionDto now = session.get();
        TicketDto patient = current.get();
        ServiceDto target = transferTarget.get();
        if (now == null || patient == null || !canAct.get()) {
            return;
        }
        if (target == null) {
            actionError.set(text.format("reception.transfer.error.target"));
            return;
        }
        boolean back = transferReturns.get();
        String action = "transfer:" + patient.id() + ":" + target.id() + ":" + back;
        String key = keys.keyFor(action);
        QueueDeskClient client = live.client();
        inFlight.set(true);
        actionError.set("");
        background.run(() -> client.transfer(patient.id(), new TransferRequest(target.id(), back), key), ticket -> {
            keys.settled(action);
            inFlight.set(false);
            live.put(ticket);
            reloadSession();
        }, error -> failed(action, error));
    }

    public void togglePause() {
        SessionDto now = session.get();
        if (now != null) {
            sessionCall(now.paused() ? SessionAction.RESUME : SessionAction.PAUSE);
        }
    }

    public void closeSession() {
        SessionDto now = session.get();
        if (now == null || !canAct.get()) {
            return;
        }
        confirmation.ask(new Confirmation(text.format("doctor.close.confirm.title", now.roomName()),
                text.format("doctor.close.confirm.message"), text.format("doctor.close.confirm.yes"),
                text.format("confirm.keep"), () -> sessionCall(SessionAction.CLOSE)));
    }

    private void sessionCall(SessionAction which) {
        SessionDto now = session.get();
        if (now == null || !canAct.get()) {
            return;
        }
        String action = which + ":" + now.id();
        String key = keys.keyFor(action);
        QueueDeskClient client = live.client();
        inFlight.set(true);
        actionError.set("");
        background.run(() -> client.sessionAction(now.id(), which, key), updated -> {
            keys.settled(action);
            inFlight.set(false);
            adopt(updated);
        }, error -> failed(action, error));
    }

    private void failed(String action, Throwable error) {
        keys.settledUnlessUnanswered(action, error);
        inFlight.set(false);
        actionError.set(text.failure(error));
        if (error instanceof ApiException) {
            reloadSession();
        }
    }

    /** The server knows better (a refused action, a reconnect): read the session again. */
    public void reloadSession() {
        SessionDto now = session.get();
        if (now == null) {
            return;
        }
        QueueDeskClient client = live.client();
        background.run(() -> client.session(now.id()), fresh -> {
            if (session.get() != null && session.get().id() == fresh.id()) {
                adopt(fresh);
            }
        }, error -> { });
    }

    // --- live ----------------------------------------------------------------------------------------

    private void heard(QueueEvent event) {
        if (!(event instanceof SessionEvent change)) {
            return;
        }
        sessionEvents.addLast(change);
        if (sessionEvents.size() > 200) {
            sessionEvents.removeFirst();
        }
        takeSession(change);
        SessionDto mine = session.get();
        if (mine != null && change.session().id() == mine.id()) {
            session.set(change.session().closedAt() == null ? change.session() : null);
        }
    }

    /** Waiting times move with the clock: the view calls this every few seconds. */
    public void tick() {
        refreshViews();
    }

    private void refreshViews() {
        var snapshot = live.snapshot();
        if (snapshot == null) {
            return;
        }
        if (!rooms.equals(snapshot.rooms())) {
            rooms.setAll(snapshot.rooms());
        }
        if (!services.equals(snapshot.services())) {
            services.setAll(snapshot.services());
            serviceChoices.setAll(snapshot.services().stream().map(ServiceChoice::new).toList());
            serviceChoices.forEach(c -> c.chosenProperty().addListener((o, before, now) -> setupError.set("")));
        }
        resumeIfPending(snapshot.status());
        SessionDto now = session.get();
        if (now == null) {
            current.set(null);
            waiting.clear();
            sessionTitle.set("");
            currentNumber.set("");
            currentName.set("");
            currentDetail.set("");
            waitingSummary.set("");
            return;
        }
        Set<Long> mine = Set.copyOf(now.serviceIds());
        TicketDto patient = now.currentTicketId() == null ? null : live.board().ticket(now.currentTicketId())
                .filter(t -> t.state() == TicketState.CALLED || t.state() == TicketState.SERVING).orElse(null);
        current.set(patient);
        sessionTitle.set(text.format(now.paused() ? "doctor.session.titlePaused" : "doctor.session.title",
                now.roomName(), now.doctor()));
        if (patient == null) {
            currentNumber.set("\u2014");
            currentName.set(text.format("doctor.current.none"));
            currentDetail.set("");
        } else {
            currentNumber.set(patient.number());
            currentName.set(patient.patientName() == null ? "" : patient.patientName());
            currentDetail.set(text.format("doctor.current.detail", serviceName(patient.serviceId()),
                    text.state(patient.state()), text.duration(patient.queuedAt(), patient.calledAt()),
                    patient.recallCount()));
        }
        List<TicketDto> queue = live.board().waiting(mine);
        waiting.setAll(queue.stream().map(t -> new WaitingRow(t.id(), t.number(),
                t.patientName() == null ? "" : t.patientName(), serviceName(t.serviceId()),
                text.priority(t.priority()), text.waitedSince(t.queuedAt()))).toList());
        waitingSummary.set(text.format("doctor.waiting.summary", queue.size()));
    }

    private String serviceName(long serviceId) {
        return services.stream().filter(s -> s.id() == serviceId).map(ServiceDto::name).findFirst().orElse("");
    }

    // --- properties ----------------------------------------------------------------------------------

    public LiveSite live() {
        return live;
    }

    public ObservableList<RoomDto> rooms() {
        return rooms;
    }

    public ObservableList<ServiceChoice> serviceChoices() {
        return serviceChoices;
    }

    public ObservableList<ServiceDto> services() {
        return services;
    }

    public ObjectProperty<RoomDto> roomProperty() {
        return room;
    }

    public StringProperty doctorNameProperty() {
        return doctorName;
    }

    /** Whether the session may be opened in someone else's name: an admin's desk only, as the server allows. */
    public boolean mayNameTheDoctor() {
        return mayJoinOthers;
    }

    public ReadOnlyStringProperty setupErrorProperty() {
        return setupError.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<SessionDto> sessionProperty() {
        return session.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<TicketDto> currentProperty() {
        return current.getReadOnlyProperty();
    }

    public ObservableList<WaitingRow> waiting() {
        return waiting;
    }

    public ReadOnlyBooleanProperty inFlightProperty() {
        return inFlight.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty actionErrorProperty() {
        return actionError.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty sessionTitleProperty() {
        return sessionTitle.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty currentNumberProperty() {
        return currentNumber.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty currentNameProperty() {
        return currentName.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty currentDetailProperty() {
        return currentDetail.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty waitingSummaryProperty() {
        return waitingSummary.getReadOnlyProperty();
    }

    public ObjectProperty<ServiceDto> transferTargetProperty() {
        return transferTarget;
    }

    public BooleanProperty transferReturnsProperty() {
        return transferReturns;
    }

    public BooleanBinding sessionOpenProperty() {
        return sessionOpen;
    }

    public BooleanBinding canActProperty() {
        return canAct;
    }

    public BooleanBinding canNextProperty() {
        return canNext;
    }

    public BooleanBinding hasCurrentProperty() {
        return hasCurrent;
    }

    public BooleanBinding pausedProperty() {
        return paused;
    }

    public BooleanBinding canOpenProperty() {
        return canOpen;
    }

    public BooleanBinding canServeProperty() {
        return canServe;
    }

    public BooleanBinding canRecallProperty() {
        return canRecall;
    }

    public BooleanBinding canNoShowProperty() {
        return canNoShow;
    }

    public BooleanBinding canDoneProperty() {
        return canDone;
    }

    public BooleanBinding canTransferProperty() {
        return canTransfer;
    }

    /** The question waiting for an answer (join an occupied room, no-show, close), if any. */
    public PendingConfirmation confirmation() {
        return confirmation;
    }

    /** Open sessions by room id; the room chooser's words follow it. */
    public ObservableMap<Long, SessionDto> roomSessions() {
        return roomSessions;
    }
}
