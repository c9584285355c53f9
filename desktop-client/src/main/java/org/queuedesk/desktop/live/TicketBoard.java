package org.queuedesk.desktop.live;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.queuedesk.common.event.QueueEvent;
import org.queuedesk.common.queue.SessionDto;
import org.queuedesk.common.ticket.TicketDto;
import org.queuedesk.common.ticket.TicketState;

/**
 * Today's tickets at a site as this desk knows them: a snapshot, then every event after it. Plain Java,
 * used on one thread (the FX thread). A snapshot that lands after newer events already arrived is
 * corrected by replaying those events on top of it, so a refetch can never roll the picture back.
 */
public final class TicketBoard {

    /** Queue order: priority class, then arrival, then id, as the server calls them. */
    public static final Comparator<TicketDto> QUEUE_ORDER = Comparator
            .comparingInt((TicketDto t) -> t.priority().rank())
            .thenComparing(t -> t.queuedAt() == null ? Instant.MAX : t.queuedAt())
            .thenComparingLong(TicketDto::id);

    private static final int REPLAY_WINDOW = 1_000;

    private final Map<Long, TicketDto> tickets = new HashMap<>();
    private final Map<Long, SessionDto> sessions = new HashMap<>();
    private final ArrayDeque<QueueEvent> recent = new ArrayDeque<>();
    private long seq;

    /** Replaces the picture with {@code snapshot}, then replays newer events this desk already heard. */
    public void reset(SiteSnapshot snapshot) {
        tickets.clear();
        snapshot.tickets().forEach(this::put);
        seq = snapshot.seq();
        for (QueueEvent event : List.copyOf(recent)) {
            if (event.seq() > seq) {
                seq = event.seq();
                take(event);
            }
        }
    }

    /** Applies a live event; false when it was already known (an older or repeated sequence number). */
    public boolean apply(QueueEvent event) {
        if (event.seq() <= seq) {
            return false;
        }
        seq = event.seq();
        recent.addLast(event);
        if (recent.size() > REPLAY_WINDOW) {
            recent.removeFirst();
        }
        take(event);
        return true;
    }

    private void take(QueueEvent event) {
        if (event.ticket() != null) {
            put(event.ticket());
        }
        if (event.session() != null) {
            sessions.put(event.session().id(), event.session());
        }
    }

    /** A ticket as an action's answer returned it (the matching event follows and changes nothing). */
    public void put(TicketDto ticket) {
        tickets.merge(ticket.id(), ticket, (known, fresh) -> newer(known, fresh));
    }

    // Answers and events can cross; keep the one that moved further in time.
    private static TicketDto newer(TicketDto known, TicketDto fresh) {
        return lastChange(fresh).isBefore(lastChange(known)) ? known : fresh;
    }

    private static Instant lastChange(TicketDto t) {
        Instant latest = Instant.MIN;
        for (Instant at : new Instant[] {t.issuedAt(), t.queuedAt(), t.calledAt(), t.finishedAt()}) {
            if (at != null && at.isAfter(latest)) {
                latest = at;
            }
        }
        return latest;
    }

    public long seq() {
        return seq;
    }

    public Optional<TicketDto> ticket(long id) {
        return Optional.ofNullable(tickets.get(id));
    }

    public Optional<SessionDto> session(long id) {
        return Optional.ofNullable(sessions.get(id));
    }

    public Optional<TicketDto> byNumber(String number) {
        String wanted = number.strip().toUpperCase(Locale.ROOT);
        return tickets.values().stream().filter(t -> t.number().equalsIgnoreCase(wanted)).findFirst();
    }

    /** Waiting tickets of these services in the order they will be called. */
    public List<TicketDto> waiting(Collection<Long> serviceIds) {
        return tickets.values().stream()
                .filter(t -> t.state() == TicketState.WAITING && serviceIds.contains(t.serviceId()))
                .sorted(QUEUE_ORDER)
                .toList();
    }

    /** Every ticket of today, newest first. */
    public List<TicketDto> all() {
        return tickets.values().stream()
                .sorted(Comparator.comparing(TicketDto::issuedAt, Comparator.nullsLast(Comparator.reverseOrder()))
                        .thenComparing(TicketDto::id, Comparator.reverseOrder()))
                .toList();
    }

    public int waitingCount(long serviceId) {
        return (int) tickets.values().stream()
                .filter(t -> t.state() == TicketState.WAITING && t.serviceId() == serviceId)
                .count();
    }

    public Optional<Instant> oldestWaiting(long serviceId) {
        return tickets.values().stream()
                .filter(t -> t.state() == TicketState.WAITING && t.serviceId() == serviceId && t.queuedAt() != null)
                .map(TicketDto::queuedAt)
                .min(Comparator.naturalOrder());
    }

    public int count(long serviceId, TicketState state) {
        return (int) tickets.values().stream().filter(t -> t.state() == state && t.serviceId() == serviceId).count();
    }
}
