package org.queuedesk.desktop.doctor;

import java.util.ArrayDeque;
import java.util.List;
import java.util.Optional;
import javafx.collections.FXCollections;
import javafx.collections.ObservableMap;
import org.queuedesk.common.event.QueueEvent;
import org.queuedesk.common.event.SessionEvent;
import org.queuedesk.common.queue.QueueStatusDto;
import org.queuedesk.common.queue.SessionDto;
import org.queuedesk.common.site.RoomDto;
import org.queuedesk.desktop.live.LiveSite;
import org.queuedesk.desktop.live.SiteSnapshot;
import org.queuedesk.desktop.live.TicketText;

/**
 * Who has an open session in which room, as this desk last heard: the snapshot's rooms, then every session
 * event after it. The room chooser says "free" or "in use by …" from it.
 */
public final class RoomOccupancy {

    private final TicketText text;
    private final ObservableMap<Long, SessionDto> roomSessions = FXCollections.observableHashMap();
    private final ArrayDeque<SessionEvent> sessionEvents = new ArrayDeque<>();

    RoomOccupancy(LiveSite live, TicketText text) {
        this.text = text;
        live.onEvent(this::heard);
        live.onSnapshot(this::takeRooms);
        takeRooms(live.snapshot());
    }

    private void heard(QueueEvent event) {
        if (event instanceof SessionEvent change) {
            sessionEvents.addLast(change);
            if (sessionEvents.size() > 200) {
                sessionEvents.removeFirst();
            }
            takeSession(change);
        }
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

    /** The open session at a room, if any, as this desk last heard. */
    public Optional<SessionDto> occupant(RoomDto room) {
        return Optional.ofNullable(roomSessions.get(room.id()));
    }

    /** "Room 2 · free" or "Room 2 · in use by dr.ruiz", for the room chooser. */
    public String roomLabel(RoomDto room) {
        return occupant(room).map(s -> text.format("doctor.setup.room.taken", room.name(), s.doctor()))
                .orElseGet(() -> text.format("doctor.setup.room.free", room.name()));
    }

    /** Open sessions by room id; the room chooser's words follow it. */
    public ObservableMap<Long, SessionDto> roomSessions() {
        return roomSessions;
    }
}
