package org.queuedesk.server.appointment;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

/**
 * Wrong codes and unknown phone numbers per kiosk: after {@link #MAX} in {@link #WINDOW} the kiosk's next
 * check-ins are refused until the oldest miss leaves the window, so nobody can try codes at a kiosk by the
 * thousand. Kept in memory: a restart forgets it, which costs an attacker a server restart per ten guesses.
 */
final class WrongCodeLimit {

    static final int MAX = 10;
    static final Duration WINDOW = Duration.ofMinutes(10);

    private final Clock clock;
    private final Map<String, Deque<Instant>> misses = new HashMap<>();

    WrongCodeLimit(Clock clock) {
        this.clock = clock;
    }

    /** Whether this kiosk has used up its wrong attempts for now. */
    synchronized boolean exhausted(String kiosk) {
        var recent = misses.get(kiosk);
        if (recent == null) {
            return false;
        }
        Instant since = clock.instant().minus(WINDOW);
        while (!recent.isEmpty() && !recent.peekFirst().isAfter(since)) {
            recent.pollFirst();
        }
        if (recent.isEmpty()) {
            misses.remove(kiosk);
            return false;
        }
        return recent.size() >= MAX;
    }

    synchronized void missed(String kiosk) {
        misses.computeIfAbsent(kiosk, k -> new ArrayDeque<>()).addLast(clock.instant());
    }
}
