package org.queuedesk.desktop.testing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.queuedesk.desktop.ground.UiTimer;

/** A {@link UiTimer} whose time is the test: timers only run when the test fires them. No sleeps. */
public final class ManualUiTimer implements UiTimer {

    private record Timer(Duration delay, Runnable action, boolean[] cancelled) {
    }

    private final List<Timer> timers = new ArrayList<>();

    @Override
    public synchronized Runnable after(Duration delay, Runnable action) {
        boolean[] cancelled = {false};
        timers.add(new Timer(delay, action, cancelled));
        return () -> cancelled[0] = true;
    }

    public synchronized List<Duration> pending() {
        return timers.stream().filter(t -> !t.cancelled()[0]).map(Timer::delay).toList();
    }

    /** Fires the timers pending now (not those they start); returns how many fired. */
    public int fireDue() {
        List<Timer> due;
        synchronized (this) {
            due = timers.stream().filter(t -> !t.cancelled()[0]).toList();
            timers.clear();
        }
        due.forEach(timer -> {
            if (!timer.cancelled()[0]) {
                timer.cancelled()[0] = true;
                timer.action().run();
            }
        });
        return due.size();
    }

    /** Fires timers, and the timers they start, until none is pending. */
    public void fireUntilQuiet() {
        for (int round = 0; round < 1000 && fireDue() > 0; round++) {
            // each round fires what the previous one started
        }
    }
}
