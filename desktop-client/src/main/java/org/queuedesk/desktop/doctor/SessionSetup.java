package org.queuedesk.desktop.doctor;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableObjectValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.queuedesk.common.queue.OpenSessionRequest;
import org.queuedesk.common.queue.QueueStatusDto;
import org.queuedesk.common.queue.SessionDto;
import org.queuedesk.common.site.RoomDto;
import org.queuedesk.common.site.ServiceDto;
import org.queuedesk.desktop.api.QueueDeskClient;
import org.queuedesk.desktop.ground.BackgroundExecutor;
import org.queuedesk.desktop.ground.Confirmation;
import org.queuedesk.desktop.ground.PendingConfirmation;
import org.queuedesk.desktop.live.DeskRequests;
import org.queuedesk.desktop.live.LiveSite;
import org.queuedesk.desktop.live.TicketText;

/**
 * Before a session: the room, the services and the doctor's name, then Open. A room with another doctor's
 * open session is joined only after the doctor confirmed it, seeing who is there (an admin only: the server
 * lets only a session's own doctor or an admin use its buttons); the doctor's own session (the app was
 * restarted, or the doctor moved desks) is taken up again at once.
 */
public final class SessionSetup {

    private final LiveSite live;
    private final DeskRequests requests;
    private final PendingConfirmation confirmation;
    private final TicketText text;
    private final RoomOccupancy occupancy;
    private final boolean mayJoinOthers;
    private final Consumer<SessionDto> opened;
    private final BackgroundExecutor background;
    private final ObservableObjectValue<SessionDto> session;
    private final String signedInName;
    private boolean resumePending;
    private Long resumeHint;

    private final ObservableList<RoomDto> rooms = FXCollections.observableArrayList();
    private final ObservableList<ServiceChoice> serviceChoices = FXCollections.observableArrayList();
    private final ObjectProperty<RoomDto> room = new SimpleObjectProperty<>(this, "room");
    private final StringProperty doctorName = new SimpleStringProperty(this, "doctorName", "");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private final BooleanBinding canOpen;

    /**
     * @param requests the desk's requests: one at a time, the session's buttons and Open alike
     * @param session  the desk's session, null until one is open
     * @param opened   takes the session opened, joined or taken up again
     */
    SessionSetup(LiveSite live, BackgroundExecutor background, DeskRequests requests, PendingConfirmation confirmation,
                 TicketText text, RoomOccupancy occupancy, String signedInName, boolean mayJoinOthers,
                 ObservableObjectValue<SessionDto> session, Consumer<SessionDto> opened) {
        this.live = live;
        this.background = background;
        this.session = session;
        this.signedInName = signedInName;
        this.requests = requests;
        this.confirmation = confirmation;
        this.text = text;
        this.occupancy = occupancy;
        this.mayJoinOthers = mayJoinOthers;
        this.opened = opened;
        doctorName.set(signedInName);
        canOpen = Bindings.createBooleanBinding(() -> live.onlineProperty().get() && !requests.isBusy(),
                live.onlineProperty(), requests.busyProperty());
        // a fixed field takes its complaint away
        room.addListener((o, before, now) -> error.set(""));
    }

    /** The site's rooms and services as the snapshot has them now; a session to take up again is looked for. */
    void show(List<RoomDto> siteRooms, List<ServiceDto> services, QueueStatusDto status) {
        if (!rooms.equals(siteRooms)) {
            rooms.setAll(siteRooms);
        }
        if (!serviceChoices.stream().map(ServiceChoice::service).toList().equals(services)) {
            serviceChoices.setAll(services.stream().map(ServiceChoice::new).toList());
            serviceChoices.forEach(c -> c.chosenProperty().addListener((o, before, now) -> error.set("")));
        }
        resumeIfPending(status);
    }

    /**
     * Back to this doctor's session that is still open (signed out, or the sign-in ended, or the app was
     * restarted): the one this app last had for them ({@code lastKnown}, may be null), or else the one open
     * session under their name. Runs with the next picture of the site; nothing when there is none.
     */
    void resume(Long lastKnown) {
        resumeHint = lastKnown;
        resumePending = true;
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
                    opened.accept(found);
                }
            }, error -> { });
        });
    }

    /** Opens a session at the chosen room, joining another doctor's only once asked (see the class). */
    public void openSession() {
        error.set("");
        RoomDto chosenRoom = room.get();
        List<Long> serviceIds = serviceChoices.stream().filter(c -> c.chosenProperty().get())
                .map(c -> c.service().id()).toList();
        if (chosenRoom == null) {
            error.set(text.format("doctor.setup.error.room"));
            return;
        }
        if (serviceIds.isEmpty()) {
            error.set(text.format("doctor.setup.error.services"));
            return;
        }
        if (!canOpen.get()) {
            return;
        }
        Optional<SessionDto> existing = occupancy.occupant(chosenRoom);
        if (existing.isPresent() && !isMine(existing.get()) && !mayJoinOthers) {
            error.set(text.format("doctor.join.refused", chosenRoom.name(), existing.get().doctor()));
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
        QueueDeskClient client = live.client();
        requests.send("open:" + request,
                key -> existing.isPresent() ? client.session(existing.get()) : client.openSession(request, key),
                opened, failure -> error.set(text.failure(failure)));
    }

    // the name the session would be opened under: this doctor's own session is no one else's room
    private boolean isMine(SessionDto open) {
        String me = TicketText.optional(doctorName.get());
        return me != null && open.doctor() != null && open.doctor().strip().toLowerCase(Locale.ROOT)
                .equals(me.toLowerCase(Locale.ROOT));
    }

    public RoomOccupancy occupancy() {
        return occupancy;
    }

    public ObservableList<RoomDto> rooms() {
        return rooms;
    }

    public ObservableList<ServiceChoice> serviceChoices() {
        return serviceChoices;
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

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public BooleanBinding canOpenProperty() {
        return canOpen;
    }
}
