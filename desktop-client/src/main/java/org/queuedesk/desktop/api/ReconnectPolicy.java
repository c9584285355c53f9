package org.queuedesk.desktop.api;

import java.time.Duration;

/**
 * When to check the server again: every {@code pollInterval} while it answers; after a failure
 * {@code firstRetry}, doubling on each further failure up to {@code maxRetry}.
 */
public record ReconnectPolicy(Duration pollInterval, Duration firstRetry, Duration maxRetry) {

    public static final ReconnectPolicy DEFAULT =
            new ReconnectPolicy(Duration.ofSeconds(5), Duration.ofSeconds(1), Duration.ofSeconds(30));

    public ReconnectPolicy {
        if (pollInterval.isNegative() || pollInterval.isZero()
                || firstRetry.isNegative() || firstRetry.isZero()
                || maxRetry.compareTo(firstRetry) < 0) {
            throw new IllegalArgumentException("bad reconnect policy: " + pollInterval + ", " + firstRetry + ", " + maxRetry);
        }
    }

    /** Delay before the next try after {@code failures} consecutive failures (1 = the first). */
    public Duration retryDelay(int failures) {
        if (failures < 1) {
            return pollInterval;
        }
        // shift capped well below overflow; maxRetry caps the result anyway
        long factor = 1L << Math.min(failures - 1, 20);
        Duration delay = firstRetry.multipliedBy(factor);
        return delay.compareTo(maxRetry) > 0 ? maxRetry : delay;
    }
}
