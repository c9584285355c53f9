package org.queuedesk.desktop.kiosk;

import java.time.Duration;
import javafx.animation.PauseTransition;

/** {@link KioskTimers} on JavaFX's pulse: a {@link PauseTransition} per timer, never a sleeping thread. */
public final class FxKioskTimers implements KioskTimers {

    @Override
    public Runnable after(Duration delay, Runnable action) {
        PauseTransition pause = new PauseTransition(javafx.util.Duration.millis(delay.toMillis()));
        pause.setOnFinished(event -> action.run());
        pause.play();
        return pause::stop;
    }
}
