package org.queuedesk.desktop.ground;

import javafx.event.EventHandler;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.input.KeyEvent;

/**
 * A screen's keyboard shortcuts, on the whole scene while the screen is shown: a key must work even when
 * no control has the focus (right after the screen changed).
 */
public final class SceneKeys {

    private SceneKeys() {
    }

    public static void whileShown(Node node, EventHandler<KeyEvent> handler) {
        node.sceneProperty().addListener((o, before, now) -> {
            if (before != null) {
                before.removeEventFilter(KeyEvent.KEY_PRESSED, handler);
            }
            if (now != null) {
                now.addEventFilter(KeyEvent.KEY_PRESSED, handler);
            }
        });
        Scene scene = node.getScene();
        if (scene != null) {
            scene.addEventFilter(KeyEvent.KEY_PRESSED, handler);
        }
    }
}
