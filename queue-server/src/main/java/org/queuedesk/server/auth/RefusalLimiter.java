package org.queuedesk.server.auth;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.OptionalInt;

/**
 * Lets one report per kind of refusal through each window (a log line, an audit entry) and counts the rest,
 * so a flood of bad tokens cannot fill the log or the audit table; the next report says how many it stands for.
 */
final class RefusalLimiter<K> {

    private final Duration window;
    private final Map<K, Instant> lastReported = new HashMap<>();
    private final Map<K, Integer> suppressed = new HashMap<>();

    RefusalLimiter(Duration window) {
        this.window = window;
    }

    /** Empty when this refusal is only counted; else how many of its kind went unreported before it. */
    synchronized OptionalInt admit(K kind, Instant now) {
        Instant last = lastReported.get(kind);
        if (last != null && now.isBefore(last.plus(window))) {
            suppressed.merge(kind, 1, Integer::sum);
            return OptionalInt.empty();
        }
        lastReported.put(kind, now);
        Integer before = suppressed.remove(kind);
        return OptionalInt.of(before == null ? 0 : before);
    }
}
