package org.queuedesk.desktop.app;

import javafx.application.Platform;
import javafx.beans.value.ChangeListener;
import javafx.event.EventHandler;
import javafx.scene.input.KeyCombination;
import javafx.stage.Stage;
import javafx.stage.Window;
import javafx.stage.WindowEvent;

/**
 * Keeps a kiosk's or a display's window on screen: full screen with no exit key and no hint, the window
 * manager's close (Alt+F4) refused, and full screen entered again if anything else leaves it. Only the staff
 * PIN leaves ({@link #release}).
 * <p>
 * JavaFX reads the exit key and the hint when the window <em>enters</em> full screen, and handles the exit key
 * before the scene sees it (consuming Esc does not help). So a window already full screen with the default
 * Esc (a stage set full screen before it was locked) leaves and enters full screen once to take the new key.
 */
public final class KioskLockdown {

    private static final EventHandler<WindowEvent> REFUSE_CLOSE = WindowEvent::consume;
    private static final Object LOCK = KioskLockdown.class;

    private KioskLockdown() {
    }

    /** Locks {@code window} (showing or not yet shown) into full screen until {@link #release}; idempotent. */
    public static void apply(Window window) {
        if (!(window instanceof Stage stage) || isLocked(stage)) {
            return;
        }
        stage.setFullScreenExitKeyCombination(KeyCombination.NO_MATCH);
        stage.setFullScreenExitHint("");
        if (stage.isFullScreen() && stage.isShowing()) {
            stage.setFullScreen(false); // entered with the old key: enter again to take NO_MATCH
        }
        stage.setFullScreen(true);
        stage.setOnCloseRequest(REFUSE_CLOSE);
        ChangeListener<Boolean> reenter = (o, was, now) -> {
            if (!now) {
                // another way out (a window manager's shortcut, a call elsewhere): back in, after this change
                Platform.runLater(() -> {
                    if (isLocked(stage) && !stage.isFullScreen()) {
                        stage.setFullScreen(true);
                    }
                });
            }
        };
        stage.fullScreenProperty().addListener(reenter);
        stage.getProperties().put(LOCK, reenter);
    }

    public static boolean isLocked(Window window) {
        return window != null && window.getProperties().containsKey(LOCK);
    }

    @SuppressWarnings("unchecked")
    public static void release(Window window) {
        if (window instanceof Stage stage) {
            Object reenter = stage.getProperties().remove(LOCK);
            if (reenter != null) {
                stage.fullScreenProperty().removeListener((ChangeListener<Boolean>) reenter);
            }
            if (stage.getOnCloseRequest() == REFUSE_CLOSE) {
                stage.setOnCloseRequest(null);
            }
            stage.setFullScreenExitKeyCombination(null);
            stage.setFullScreenExitHint(null);
            stage.setFullScreen(false);
        }
    }
}
