package org.queuedesk.desktop.doctor;

import java.util.List;
import java.util.Set;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.queuedesk.common.event.QueueEvent;
import org.queuedesk.common.event.SessionEvent;
import org.queuedesk.common.queue.SessionDto;
import org.queuedesk.common.site.ServiceDto;
import org.queuedesk.common.ticket.TicketDto;
import org.queuedesk.common.ticket.TicketState;
import org.queuedesk.desktop.api.QueueDeskClient;
import org.queuedesk.desktop.api.QueueDeskClient.SessionAction;
import org.queuedesk.desktop.ground.BackgroundExecutor;
import org.queuedesk.desktop.ground.Confirmation;
import org.queuedesk.desktop.ground.PendingConfirmation;
import org.queuedesk.desktop.live.DeskRequests;
import org.queuedesk.desktop.live.LiveSite;
import org.queuedesk.desktop.live.TicketCells;
import org.queuedesk.desktop.live.TicketText;

/**
 * The consulting room: first a session ({@link SessionSetup}), then its patients ({@link PatientActions}), the
 * current one and those waiting for it, and the session's own controls (pause, close). One request at a time
 * for the whole desk; the session follows the live site. Never sees a control.
 */
public final class DoctorViewModel {

    private final LiveSite live;
    private final BackgroundExecutor background;
    private final TicketText text;
    private final DeskRequests requests;
    private final PendingConfirmation confirmation = new PendingConfirmation();

    private final ObservableList<ServiceDto> services = FXCollections.observableArrayList();
    private final TicketCells cells;
    private final ReadOnlyObjectWrapper<SessionDto> session = new ReadOnlyObjectWrapper<>(this, "session");
    private final ReadOnlyObjectWrapper<TicketDto> current = new ReadOnlyObjectWrapper<>(this, "current");
    private final ObservableList<WaitingRow> waiting = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper sessionTitle = new ReadOnlyStringWrapper(this, "sessionTitle", "");
    private final ReadOnlyStringWrapper currentNumber = new ReadOnlyStringWrapper(this, "currentNumber", "");
    private final ReadOnlyStringWrapper currentName = new ReadOnlyStringWrapper(this, "currentName", "");
    private final ReadOnlyStringWrapper currentDetail = new ReadOnlyStringWrapper(this, "currentDetail", "");
    private final ReadOnlyStringWrapper waitingSummary = new ReadOnlyStringWrapper(this, "waitingSummary", "");

    private final BooleanBinding sessionOpen;
    private final BooleanBinding canAct;
    private final BooleanBinding hasCurrent;
    private final BooleanBinding paused;
    private final SessionSetup setup;
    private final PatientActions patients;
    private final DoctorDay day;

    public DoctorViewModel(LiveSite live, BackgroundExecutor background, TicketText text, String signedInName) {
        this(live, background, text, signedInName, false);
    }

    /**
     * {@code mayJoinOthers}: the signed-in user is an admin. The server lets only a session's own doctor or an
     * admin use its buttons, so only an admin is offered to join another doctor's session.
     */
    public DoctorViewModel(LiveSite live, BackgroundExecutor background, TicketText text, String signedInName,
                           boolean mayJoinOthers) {
        this.live = live;
        this.background = background;
        this.text = text;
        this.requests = new DeskRequests(background);
        this.cells = new TicketCells(text, services);
        sessionOpen = session.isNotNull();
        paused = Bindings.createBooleanBinding(() -> session.get() != null && session.get().paused(), session);
        hasCurrent = current.isNotNull();
        canAct = Bindings.createBooleanBinding(() -> live.onlineProperty().get() && !requests.isBusy() && session.get() != null,
                live.onlineProperty(), requests.busyProperty(), session);
        patients = new PatientActions(live, requests, confirmation, text, session.getReadOnlyProperty(),
                current.getReadOnlyProperty(), canAct, paused, moved -> {
                    session.set(moved);
                    refreshViews();
                }, this::reloadSession);
        // who is in which room first: an event about this desk's own session is taken after it
        setup = new SessionSetup(live, background, requests, confirmation, text, new RoomOccupancy(live, text),
                signedInName == null ? "" : signedInName, mayJoinOthers, session.getReadOnlyProperty(), this::adopt);
        live.onEvent(this::heard);
        live.onChange(this::refreshViews);
        day = new DoctorDay(live, background, text, signedInName == null ? "" : signedInName, this::refreshViews);
        refreshViews();
    }

    // --- the session ---------------------------------------------------------------------------------

    /**
     * Back to this doctor's session that is still open (see {@link SessionSetup#resume}); runs once the site's
     * picture is in.
     */
    public void resumeOpenSession(Long lastKnown) {
        setup.resume(lastKnown);
        refreshViews();
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
        QueueDeskClient client = live.client();
        patients.clearError();
        requests.send(which + ":" + now.id(), key -> client.sessionAction(now.id(), which, key), this::adopt,
                patients::failed);
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
        SessionDto mine = session.get();
        if (mine != null && event instanceof SessionEvent change && change.session().id() == mine.id()) {
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
        if (!services.equals(snapshot.services())) {
            services.setAll(snapshot.services());
        }
        if (day != null) {
            day.show(); // ticket numbers of checked-in bookings follow the board
        }
        setup.show(snapshot.rooms(), snapshot.services(), snapshot.status());
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
            currentName.set(cells.patient(patient));
            currentDetail.set(text.format("doctor.current.detail", cells.service(patient), cells.state(patient),
                    cells.waited(patient), patient.recallCount()));
        }
        List<TicketDto> queue = live.board().waiting(mine);
        waiting.setAll(queue.stream().map(t -> new WaitingRow(t.id(), t.number(), cells.patient(t), cells.service(t),
                late(t) ? text.format("appointments.ticket.late") : cells.priority(t), cells.waited(t), late(t)))
                .toList());
        waitingSummary.set(text.format("doctor.waiting.summary", queue.size()));
    }

    private boolean late(TicketDto ticket) {
        return day != null && day.lateCheckIn(ticket);
    }

    // --- properties ----------------------------------------------------------------------------------

    /** This doctor's appointments today, beside the queue. */
    public DoctorDay day() {
        return day;
    }

    public LiveSite live() {
        return live;
    }

    /** Before a session: room, services, name, Open. */
    public SessionSetup setup() {
        return setup;
    }

    /** Next and what is done with the current patient. */
    public PatientActions patients() {
        return patients;
    }

    public ObservableList<ServiceDto> services() {
        return services;
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
        return requests.busyProperty();
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

    public BooleanBinding sessionOpenProperty() {
        return sessionOpen;
    }

    public BooleanBinding canActProperty() {
        return canAct;
    }

    public BooleanBinding hasCurrentProperty() {
        return hasCurrent;
    }

    public BooleanBinding pausedProperty() {
        return paused;
    }

    /** The question waiting for an answer (join an occupied room, no-show, close), if any. */
    public PendingConfirmation confirmation() {
        return confirmation;
    }
}
