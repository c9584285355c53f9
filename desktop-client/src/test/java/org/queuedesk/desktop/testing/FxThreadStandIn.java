package org.queuedesk.desktop.testing;

import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * Stands in for the FX thread where a stream delivers from its socket thread: deliveries only queue here,
 * and the test runs them on its own thread when it chooses, so view-model state is only ever touched by the
 * test thread. Waiting is bounded by a deadline and blocks on the queue, never with sleeps.
 */
public final class FxThreadStandIn implements Executor {

    public static final Duration DEADLINE = Duration.ofSeconds(10);

    private final BlockingQueue<Runnable> deliveries = new LinkedBlockingQueue<>();

    @Override
    public void execute(Runnable delivery) {
        deliveries.add(delivery);
    }

    /** Runs deliveries as they arrive until {@code condition} holds; fails after the deadline. */
    public void runUntil(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + DEADLINE.toNanos();
        while (!condition.getAsBoolean()) {
            long left = deadline - System.nanoTime();
            Runnable next;
            try {
                next = left <= 0 ? null : deliveries.poll(left, TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting for: " + what, e);
            }
            if (next == null) {
                throw new AssertionError("not within " + DEADLINE.toSeconds() + " s: " + what);
            }
            next.run();
        }
    }

    /** Runs what has already arrived, without waiting for more. */
    public void runPending() {
        Runnable next;
        while ((next = deliveries.poll()) != null) {
            next.run();
        }
    }
}
