package org.queuedesk.desktop.app;

import javafx.event.EventHandler;
import javafx.scene.input.KeyCombination;
import javafx.stage.Stage;
import javafx.stage.Window;
import javafx.stage.WindowEvent;

/**
 * Keeps a kiosk's window on screen: full screen with no exit key and no hint, and the window manager's close
 * (Alt+F4) refused. Only the staff PIN leaves ({@link #release}).
 */
public final class KioskLockdown {

    private static final EventHandler<WindowEvent> REFUSE_CLOSE = WindowEvent::consume;

    private KioskLockdown() {
    }

    public static void apply(Window window, boolean fullScreen) {
        if (window instanceof Stage stage) {
            stage.setFullScreenExitKeyCombination(KeyCombination.NO_MATCH);
            stage.setFullScreenExitHint("");
            stage.setFullScreen(fullScreen);
            stage.setOnCloseRequest(REFUSE_CLOSE);
        }
    }

    public static void release(Window window) {
        if (window instanceof Stage stage) {
            if (stage.getOnCloseRequest() == REFUSE_CLOSE) {
                stage.setOnCloseRequest(null);
            }
            stage.setFullScreenExitKeyCombination(null);
            stage.setFullScreenExitHint(null);
            stage.setFullScreen(false);
        }
    }
}
