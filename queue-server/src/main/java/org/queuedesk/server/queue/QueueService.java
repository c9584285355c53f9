package org.queuedesk.server.queue;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import org.jdbi.v3.core.Handle;
import org.queuedesk.common.Role;
import org.queuedesk.common.event.EventPayload.SessionChange;
import org.queuedesk.common.event.EventType;
import org.queuedesk.common.queue.NextResult;
import org.queuedesk.common.queue.OpenSessionRequest;
import org.queuedesk.common.queue.QueueStatusDto;
import org.queuedesk.common.queue.SessionDto;
import org.queuedesk.common.ticket.TicketDto;
import org.queuedesk.server.ground.ApiProblem;
import org.queuedesk.server.ground.AuditTrail;
import org.queuedesk.server.ground.Database;
import org.queuedesk.server.ground.Principal;
import org.queuedesk.server.ground.WriteTransaction;
import org.queuedesk.server.event.EventLog;
import org.queuedesk.server.site.SiteCatalog;
import org.queuedesk.server.site.SiteDao;
import org.queuedesk.server.ticket.TicketDao;
import org.queuedesk.server.ticket.TicketMoves;
import org.queuedesk.server.ticket.TicketWriteDao;

/**
 * Doctors' sessions and Next. Next runs inside the single immediate write transaction, so two
 * doctors pressing it at once are served one after the other and never get the same patient.
 * A session belongs to the signed-in user who opened it (its {@code doctor} is their username): only they,
 * or an admin, can work it, and tickets assigned to that username are called only there.
 */
public final class QueueService {

    private final Database db;
    private final TicketMoves moves;
    private final EventLog events;
    private final Clock clock;
    private final AuditTrail audit;
    private final WaitEstimates waits;

    public QueueService(Database db, TicketMoves moves, EventLog events, Clock clock, AuditTrail audit,
                        WaitEstimates waits) {
        this.db = db;
        this.waits = waits;
        this.moves = moves;
        this.events = events;
        this.clock = clock;
        this.audit = audit;
    }

    /**
     * Opens a session in the caller's name. A {@code doctor} naming someone else is refused (403) unless the
     * caller is an admin, and then it is audited: free text here once let anyone call another doctor's
     * assigned patients.
     */
    public SessionDto open(WriteTransaction tx, OpenSessionRequest request, Principal caller) {
        String actor = caller.name();
        String doctor = request.doctor() == null || request.doctor().isBlank() ? actor : request.doctor().strip();
        boolean forSomeoneElse = !doctor.equals(actor);
        if (forSomeoneElse && !caller.has(Role.ADMIN)) {
            throw ApiProblem.forbidden("You are signed in as '" + actor + "': you can open a session only in your own "
                    + "name (leave out \"doctor\"); an admin can open one for someone else.");
        }
        var sites = tx.attach(SiteDao.class);
        var room = sites.room(request.roomId())
                .orElseThrow(() -> ApiProblem.unknownReference("roomId", "there is no room " + request.roomId() + "."));
        var serviceIds = new LinkedHashSet<>(request.serviceIds());
        for (Long serviceId : serviceIds) {
            var service = sites.service(serviceId)
                    .orElseThrow(() -> ApiProblem.unknownReference("serviceIds", "there is no service " + serviceId + "."));
            if (service.siteId() != room.siteId()) {
                throw ApiProblem.unknownReference("serviceIds", "service " + serviceId + " belongs to another site than the room.");
            }
        }
        var dao = tx.attach(SessionDao.class);
        dao.openAtRoom(room.id()).ifPresent(open -> {
            throw ApiProblem.conflict(room.name() + " already has an open session (" + open.doctor()
                    + "); close it first.");
        });
        long id = dao.insert(room.siteId(), room.id(), doctor, clock.instant());
        serviceIds.forEach(serviceId -> dao.addService(id, serviceId));
        var session = toDto(tx, dao.find(id).orElseThrow());
        if (forSomeoneElse) {
            audit.record(tx, actor, "session.opened-for", doctor, "session " + id + " in " + room.name());
        }
        events.append(tx, session.siteId(), actor, new SessionChange(EventType.SESSION_OPENED, session));
        return session;
    }

    public SessionDto session(long id) {
        return db.read(h -> {
            var dao = h.attach(SessionDao.class);
            var row = dao.find(id).orElseThrow(() -> ApiProblem.notFound("There is no session " + id + "."));
            return toDto(row, dao.serviceIds(id), h.attach(TicketDao.class).currentOf(id).map(TicketDto::id).orElse(null));
        });
    }

    /**
     * Finishes the session's current patient (if any) and calls the head of its combined queue. With an
     * expected current ticket, a Next that arrives after the session already moved on is refused.
     */
    public NextResult next(WriteTransaction tx, long sessionId, Long expectedCurrentTicketId, Principal caller) {
        String actor = caller.name();
        var row = openSession(tx, sessionId, caller);
        if (row.paused()) {
            throw ApiProblem.conflict("The session in " + row.roomName() + " is paused; resume it first.", "paused");
        }
        // locked before the site's row, as every other change of a ticket takes them (ticket, then the site's row at
        // its first event): the other order let a Next and a transfer of its current patient deadlock
        var current = TicketWriteDao.currentOf(tx, sessionId);
        // where many transactions write, the site's Nexts run one at a time from here (its event counter row is
        // taken now rather than at the first event), so each calls the head as the commits before it left it
        SiteCatalog.lockForChange(tx, row.siteId());
        if (expectedCurrentTicketId != null) {
            long actual = current.map(TicketDto::id).orElse(0L);
            if (actual != expectedCurrentTicketId) {
                throw ApiProblem.conflict("This Next is out of date: the current patient in " + row.roomName() + " is now "
                        + current.map(TicketDto::number).orElse("nobody") + ". Reload and try again.",
                        current.map(t -> t.state().wireName()).orElse("none"));
            }
        }
        TicketDto finished = current.map(t -> moves.done(tx, t, actor)).orElse(null);
        // the site's day from the session row: one query fewer on the path every Next takes
        var now = clock.instant();
        LocalDate today = now.atZone(ZoneId.of(row.siteTimeZone())).toLocalDate();
        TicketDto called = TicketWriteDao.headFor(tx, sessionId, row.doctor(), today, now)
                .map(head -> moves.call(tx, head, row.roomId(), sessionId, actor))
                .orElse(null);
        // after a Next the session's current patient is the one just called, or nobody
        var session = toDto(row, serviceIds(tx, sessionId), called == null ? null : called.id());
        return new NextResult(session, finished, called);
    }

    public TicketDto recall(WriteTransaction tx, long sessionId, Principal caller) {
        return moves.recall(tx, current(tx, sessionId, caller), caller.name());
    }

    public TicketDto serve(WriteTransaction tx, long sessionId, Principal caller) {
        return moves.serve(tx, current(tx, sessionId, caller), caller.name());
    }

    public TicketDto done(WriteTransaction tx, long sessionId, Principal caller) {
        return moves.done(tx, current(tx, sessionId, caller), caller.name());
    }

    public TicketDto noShow(WriteTransaction tx, long sessionId, Principal caller) {
        return moves.noShow(tx, current(tx, sessionId, caller), caller.name());
    }

    public SessionDto pause(WriteTransaction tx, long sessionId, boolean paused, Principal caller) {
        String actor = caller.name();
        var row = openSession(tx, sessionId, caller);
        if (row.paused() == paused) {
            return toDto(tx, row);
        }
        tx.attach(SessionDao.class).setPaused(sessionId, paused);
        var session = toDto(tx, openSession(tx, sessionId, caller));
        events.append(tx, session.siteId(), actor,
                new SessionChange(paused ? EventType.SESSION_PAUSED : EventType.SESSION_RESUMED, session));
        return session;
    }

    /** Closes a session. Its current patient, if any, must be finished, marked or transferred first. */
    public SessionDto close(WriteTransaction tx, long sessionId, Principal caller) {
        String actor = caller.name();
        var row = openSession(tx, sessionId, caller);
        var dao = tx.attach(SessionDao.class);
        TicketWriteDao.currentOf(tx, sessionId).ifPresent(t -> {
            throw ApiProblem.conflict("Ticket " + t.number() + " is still " + t.state().wireName()
                    + " in " + row.roomName() + "; finish it, mark it a no-show or transfer it first.", t.state().wireName());
        });
        dao.close(sessionId, clock.instant());
        var session = toDto(tx, dao.find(sessionId).orElseThrow());
        events.append(tx, session.siteId(), actor, new SessionChange(EventType.SESSION_CLOSED, session));
        return session;
    }

    /** The services of a site that an open session serves; read off the writer (the alerts read it often). */
    public java.util.Set<Long> servedServices(long siteId) {
        return db.read(h -> h.attach(SessionDao.class).servedAt(siteId));
    }

    public QueueStatusDto status(long siteId) {
        return db.read(h -> {
            var site = h.attach(SiteDao.class).site(siteId)
                    .orElseThrow(() -> ApiProblem.notFound("There is no site " + siteId + "."));
            var today = clock.instant().atZone(ZoneId.of(site.timeZone())).toLocalDate();
            var dao = h.attach(SessionDao.class);
            long lastSeq = h.attach(SiteDao.class).lastEventSeq(siteId);
            var services = serviceQueues(h, siteId, today);
            var openByRoom = new java.util.HashMap<Long, SessionRow>();
            dao.openAt(siteId).forEach(s -> openByRoom.put(s.roomId(), s));
            List<QueueStatusDto.RoomStatus> rooms = h.attach(SiteDao.class).rooms(siteId).stream().map(room -> {
                var session = openByRoom.get(room.id());
                if (session == null) {
                    return new QueueStatusDto.RoomStatus(room.id(), room.name(), null, null, false, null, null, null);
                }
                var current = h.attach(TicketDao.class).currentOf(session.id());
                return new QueueStatusDto.RoomStatus(room.id(), room.name(), session.id(), session.doctor(),
                        session.paused(), current.map(TicketDto::number).orElse(null),
                        current.map(TicketDto::id).orElse(null), current.map(t -> t.state().wireName()).orElse(null));
            }).toList();
            return new QueueStatusDto(siteId, lastSeq, services, rooms);
        });
    }

    /**
     * Every service of the site, by prefix, with today's waiting count (0 where nobody waits) and the wait of
     * a patient joining its queue now (null where unknown: no open session serves it).
     */
    private List<QueueStatusDto.ServiceQueue> serviceQueues(Handle h, long siteId, LocalDate today) {
        var waiting = new java.util.HashMap<Long, TicketDao.Waiting>();
        h.attach(TicketDao.class).waitingAt(siteId, today).forEach(w -> waiting.put(w.serviceId(), w));
        return h.attach(SiteDao.class).services(siteId).stream().map(service -> {
            var w = waiting.get(service.id());
            int count = w == null ? 0 : w.waiting();
            var wait = waits.forNewcomer(h, service.id(), count);
            return new QueueStatusDto.ServiceQueue(service.id(), service.name(), service.prefix(), count,
                    w == null ? null : w.oldestWaitingSince(), wait.map(WaitEstimates.Wait::minutes).orElse(null),
                    wait.map(WaitEstimates.Wait::lowMinutes).orElse(null),
                    wait.map(WaitEstimates.Wait::highMinutes).orElse(null));
        }).toList();
    }

    private TicketDto current(WriteTransaction tx, long sessionId, Principal caller) {
        var row = openSession(tx, sessionId, caller);
        return TicketWriteDao.currentOf(tx, sessionId).orElseThrow(() -> ApiProblem.conflict(
                "Nobody is called in " + row.roomName() + " right now; press Next first.", "none"));
    }

    /** The open session, if the caller may work it: its owner, or an admin. */
    private SessionRow openSession(WriteTransaction tx, long sessionId, Principal caller) {
        var row = SessionWriteDao.findToChange(tx, sessionId)
                .orElseThrow(() -> ApiProblem.notFound("There is no session " + sessionId + "."));
        if (!row.doctor().equals(caller.name()) && !caller.has(Role.ADMIN)) {
            throw ApiProblem.forbidden("The session in " + row.roomName() + " is " + row.doctor() + "'s; only they or an "
                    + "admin can work it. Open your own session at a free room.");
        }
        if (!row.isOpen()) {
            throw ApiProblem.conflict("The session in " + row.roomName() + " is closed; open a new one.", "closed");
        }
        return row;
    }

    private SessionDto toDto(WriteTransaction tx, SessionRow row) {
        return toDto(row, serviceIds(tx, row.id()), TicketWriteDao.currentOf(tx, row.id()).map(TicketDto::id).orElse(null));
    }

    private record ServicesOf(long sessionId) {
    }

    /**
     * A session's services, remembered by the writer: they are written when the session opens and never change
     * (an undone open makes the writer forget everything anyway), and every Next answers with them.
     */
    private static List<Long> serviceIds(WriteTransaction tx, long sessionId) {
        @SuppressWarnings("unchecked")
        List<Long> ids = tx.remember(new ServicesOf(sessionId), List.class,
                () -> java.util.Optional.of(List.copyOf(tx.attach(SessionDao.class).serviceIds(sessionId)))).orElseThrow();
        return ids;
    }

    private static SessionDto toDto(SessionRow row, List<Long> serviceIds, Long currentTicketId) {
        return new SessionDto(row.id(), row.siteId(), row.roomId(), row.roomName(), row.doctor(), serviceIds,
                row.paused(), currentTicketId, row.openedAt(), row.closedAt());
    }
}
