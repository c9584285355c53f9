package org.queuedesk.desktop.ground;

import java.time.Duration;
import javafx.animation.PauseTransition;

/**
 * A one-shot timer on the UI thread. Production runs on JavaFX's pulse ({@link #fx()}); view-model tests fire
 * the timers themselves, so no test waits for real time.
 */
@FunctionalInterface
public interface UiTimer {

    /** Runs {@code action} on the UI thread after {@code delay}; the returned runnable cancels it. */
    Runnable after(Duration delay, Runnable action);

    /** A {@link PauseTransition} per timer, never a sleeping thread. */
    static UiTimer fx() {
        return (delay, action) -> {
            PauseTransition pause = new PauseTransition(javafx.util.Duration.millis(delay.toMillis()));
            pause.setOnFinished(event -> action.run());
            pause.play();
            return pause::stop;
        };
    }
}
