package org.queuedesk.desktop.ground;

import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.TextInputControl;

/**
 * Keeps the keyboard on the work. When the control a user is on gets disabled (Next during an outage),
 * JavaFX hands the focus to the next control that takes it, and it stays there when Next comes back; Space
 * then presses whatever that is. This returns the focus to the control once it is enabled again, unless the
 * user has since chosen to type somewhere.
 */
public final class FocusKeeper {

    private FocusKeeper() {
    }

    public static void keep(Node work) {
        boolean[] lost = {false};
        work.disabledProperty().addListener((o, before, disabled) -> {
            if (disabled) {
                // the scene moves the focus away on its next pulse, after this. The scene's focus owner, not
                // isFocused(): that is false while the window is behind another program (session 8: a desk in
                // the background during a restart came back with the keyboard on Pause)
                lost[0] |= work.getScene() != null && work.getScene().getFocusOwner() == work;
                return;
            }
            if (lost[0]) {
                lost[0] = false;
                Platform.runLater(() -> {
                    var scene = work.getScene();
                    if (scene != null && !work.isDisabled() && !(scene.getFocusOwner() instanceof TextInputControl)) {
                        work.requestFocus();
                    }
                });
            }
        });
    }
}
