package org.queuedesk.desktop.kiosk;

import java.time.Duration;

/**
 * One-shot timers on the UI thread (idle reset, back to the start after the confirmation). Production uses
 * JavaFX animation timers; view-model tests use a manual clock, so no test waits for real time.
 */
public interface KioskTimers {

    /** Runs {@code action} on the UI thread after {@code delay}; the returned runnable cancels it. */
    Runnable after(Duration delay, Runnable action);
}
