package org.queuedesk.desktop.testing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Delayed;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * A scheduler whose clock is the test: {@code schedule} only records the task and its delay, and
 * {@link #runNext()} runs the earliest one on the calling thread. No threads, no sleeps.
 */
public final class ManualScheduler extends ScheduledThreadPoolExecutor {

    private final List<Task> pending = new ArrayList<>();
    private final List<Duration> requestedDelays = new ArrayList<>();

    public ManualScheduler() {
        super(0);
    }

    @Override
    public ScheduledFuture<?> schedule(Runnable command, long delay, TimeUnit unit) {
        Task task = new Task(command, Duration.ofNanos(unit.toNanos(delay)));
        pending.add(task);
        requestedDelays.add(task.delay);
        return task;
    }

    /** Runs the pending task with the shortest delay; fails if there is none. */
    public void runNext() {
        Task next = pending.stream()
                .filter(task -> !task.cancelled)
                .min((a, b) -> a.delay.compareTo(b.delay))
                .orElseThrow(() -> new AssertionError("nothing scheduled"));
        pending.remove(next);
        next.done = true;
        next.command.run();
    }

    /** Delays of tasks still waiting to run (cancelled ones excluded). */
    public List<Duration> pendingDelays() {
        return pending.stream().filter(task -> !task.cancelled).map(task -> task.delay).toList();
    }

    /** Every delay asked for so far, in order. */
    public List<Duration> requestedDelays() {
        return List.copyOf(requestedDelays);
    }

    private static final class Task implements ScheduledFuture<Object> {
        private final Runnable command;
        private final Duration delay;
        private boolean cancelled;
        private boolean done;

        Task(Runnable command, Duration delay) {
            this.command = command;
            this.delay = delay;
        }

        @Override
        public long getDelay(TimeUnit unit) {
            return unit.convert(delay.toNanos(), TimeUnit.NANOSECONDS);
        }

        @Override
        public int compareTo(Delayed other) {
            return Long.compare(getDelay(TimeUnit.NANOSECONDS), other.getDelay(TimeUnit.NANOSECONDS));
        }

        @Override
        public boolean cancel(boolean mayInterruptIfRunning) {
            if (done) {
                return false;
            }
            cancelled = true;
            return true;
        }

        @Override
        public boolean isCancelled() {
            return cancelled;
        }

        @Override
        public boolean isDone() {
            return done || cancelled;
        }

        @Override
        public Object get() {
            return null;
        }

        @Override
        public Object get(long timeout, TimeUnit unit) {
            return null;
        }
    }
}
