package org.queuedesk.desktop.ground;

import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.StackPane;

/**
 * A card over the whole screen on a dimmed backdrop that takes every click, so nothing below is hit by accident.
 * While it is up it keeps the keys: Esc runs {@code onDismiss}, Enter presses the focused button of the card,
 * and no key reaches the screen below (Enter must not issue or call behind it). When it goes, the focus goes back
 * where it was.
 */
public final class Overlays {

    private Overlays() {
    }

    /** {@code card} centred on a backdrop; a click beside the card or Esc runs {@code onDismiss}. Hidden at first. */
    public static StackPane backdrop(Node card, Runnable onDismiss) {
        StackPane overlay = new StackPane(card);
        overlay.getStyleClass().add("overlay");
        overlay.setAlignment(Pos.CENTER);
        overlay.setMaxSize(Double.MAX_VALUE, Double.MAX_VALUE);
        overlay.setPickOnBounds(true);
        overlay.setOnMouseClicked(event -> {
            if (event.getTarget() == overlay) {
                onDismiss.run();
            }
        });
        overlay.addEventHandler(KeyEvent.KEY_PRESSED, event -> {
            if (!overlay.isVisible()) {
                return;
            }
            if (event.getCode() == KeyCode.ESCAPE) {
                onDismiss.run();
            } else if (event.getCode() == KeyCode.ENTER && event.getTarget() instanceof Button focused) {
                focused.fire();
            }
            event.consume();
        });
        Node[] focusBefore = new Node[1];
        overlay.visibleProperty().addListener((o, was, now) -> {
            if (overlay.getScene() == null) {
                return;
            }
            if (now) {
                focusBefore[0] = overlay.getScene().getFocusOwner();
            } else if (focusBefore[0] != null && focusBefore[0].getScene() == overlay.getScene()) {
                focusBefore[0].requestFocus();
            } else {
                overlay.getParent().requestFocus();
            }
        });
        overlay.setVisible(false);
        return overlay;
    }
}
