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
import org.queuedesk.common.event.SessionEvent;
import org.queuedesk.common.event.TicketEvent;
import org.queuedesk.common.queue.SessionDto;
import org.queuedesk.common.ticket.TicketDto;
import org.queuedesk.common.ticket.TicketState;

/**
 * Today's tickets at a site as this desk knows them: a snapshot, then every event after it, in sequence
 * order. Plain Java, used on one thread (the FX thread). A snapshot read at sequence N is combined with
 * the events after N only: one that lands after newer events already arrived is corrected by replaying
 * those events on top of it, so a refetch can never roll the picture back.
 *
 * <p>Order comes from sequence numbers only, never from a ticket's times: a requeued no-show keeps its
 * original queued time, so "the later time wins" would drop the requeue.
 */
public final class TicketBoard {

    /** Queue order: priority class, then arrival, then id, as the server calls them. */
    public static final Comparator<TicketDto> QUEUE_ORDER = Comparator
            .comparingInt((TicketDto t) -> t.priority().rank())
            .thenComparing(t -> t.queuedAt() == null ? Instant.MAX : t.queuedAt())
            .thenComparingLong(TicketDto::id);

    private static final int REPLAY_WINDOW = 1_000;

    // as the sequence says: the snapshot, then every event after it
    private final Map<Long, TicketDto> tickets = new HashMap<>();
    // an action's answer, shown until the next sequenced word on that ticket (see put)
    private final Map<Long, TicketDto> answers = new HashMap<>();
    private Map<Long, TicketDto> snapshotTickets = Map.of();
    private final Map<Long, SessionDto> sessions = new HashMap<>();
    private final ArrayDeque<QueueEvent> recent = new ArrayDeque<>();
    private long seq;
    private Long siteId;

    /**
     * Replaces the picture with {@code snapshot}, then replays newer events this desk already heard; of another
     * site (admin mode chose one) nothing heard before counts: its numbers are not this site's.
     */
    public void reset(SiteSnapshot snapshot) {
        if (siteId != null && snapshot.site().id() != siteId) {
            recent.clear();
            sessions.clear();
        }
        siteId = snapshot.site().id();
        tickets.clear();
        answers.clear();
        Map<Long, TicketDto> read = new HashMap<>();
        snapshot.tickets().forEach(t -> read.put(t.id(), t));
        snapshotTickets = read;
        tickets.putAll(read);
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
        if (event.seq() <= seq || siteId != null && event.siteId() != siteId) {
            return false; // heard already, or another site's (its numbers are not this site's)
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
        if (event instanceof TicketEvent change) {
            tickets.put(change.ticket().id(), change.ticket());
            answers.remove(change.ticket().id());
        }
        if (event instanceof SessionEvent change) {
            sessions.put(change.session().id(), change.session());
        }
    }

    /**
     * A ticket as an action's answer returned it, shown at once. An answer has no sequence number, so it
     * only stands in until the next event or snapshot says something about that ticket; and an answer this
     * desk already heard as an event (it crossed that event and maybe later ones) is ignored, so it can
     * never put back an older state.
     */
    public void put(TicketDto ticket) {
        if (alreadyHeard(ticket)) {
            return;
        }
        answers.put(ticket.id(), ticket);
    }

    private boolean alreadyHeard(TicketDto answer) {
        TicketDto version = answer.withoutPersonalData();
        TicketDto read = snapshotTickets.get(answer.id());
        if (read != null && read.withoutPersonalData().equals(version)) {
            return true;
        }
        for (QueueEvent event : recent) {
            if (event instanceof TicketEvent change && change.ticket().id() == answer.id()
                    && change.ticket().withoutPersonalData().equals(version)) {
                return true;
            }
        }
        return false;
    }

    private Collection<TicketDto> shown() {
        if (answers.isEmpty()) {
            return tickets.values();
        }
        Map<Long, TicketDto> merged = new HashMap<>(tickets);
        merged.putAll(answers);
        return merged.values();
    }

    public long seq() {
        return seq;
    }

    public Optional<TicketDto> ticket(long id) {
        TicketDto answer = answers.get(id);
        return Optional.ofNullable(answer != null ? answer : tickets.get(id));
    }

    public Optional<SessionDto> session(long id) {
        return Optional.ofNullable(sessions.get(id));
    }

    public Optional<TicketDto> byNumber(String number) {
        String wanted = number.strip().toUpperCase(Locale.ROOT);
        return shown().stream().filter(t -> t.number().equalsIgnoreCase(wanted)).findFirst();
    }

    /** Waiting tickets of these services in the order they will be called. */
    public List<TicketDto> waiting(Collection<Long> serviceIds) {
        return shown().stream()
                .filter(t -> t.state() == TicketState.WAITING && serviceIds.contains(t.serviceId()))
                .sorted(QUEUE_ORDER)
                .toList();
    }

    /** Every ticket of today, newest first. */
    public List<TicketDto> all() {
        return shown().stream()
                .sorted(Comparator.comparing(TicketDto::issuedAt, Comparator.nullsLast(Comparator.reverseOrder()))
                        .thenComparing(TicketDto::id, Comparator.reverseOrder()))
                .toList();
    }

    public int waitingCount(long serviceId) {
        return (int) shown().stream()
                .filter(t -> t.state() == TicketState.WAITING && t.serviceId() == serviceId)
                .count();
    }

    public Optional<Instant> oldestWaiting(long serviceId) {
        return shown().stream()
                .filter(t -> t.state() == TicketState.WAITING && t.serviceId() == serviceId && t.queuedAt() != null)
                .map(TicketDto::queuedAt)
                .min(Comparator.naturalOrder());
    }

    public int count(long serviceId, TicketState state) {
        return (int) shown().stream().filter(t -> t.state() == state && t.serviceId() == serviceId).count();
    }
}
