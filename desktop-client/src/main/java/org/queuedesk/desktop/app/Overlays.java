package org.queuedesk.desktop.app;

import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.layout.StackPane;

/** A card over the whole screen on a dimmed backdrop that takes every click, so nothing below is hit by accident. */
public final class Overlays {

    private Overlays() {
    }

    /** {@code card} centred on a backdrop; a click on the backdrop runs {@code onBackdrop}. Hidden until made visible. */
    public static StackPane backdrop(Node card, Runnable onBackdrop) {
        StackPane overlay = new StackPane(card);
        overlay.getStyleClass().add("overlay");
        overlay.setAlignment(Pos.CENTER);
        overlay.setMaxSize(Double.MAX_VALUE, Double.MAX_VALUE);
        overlay.setPickOnBounds(true);
        overlay.setOnMouseClicked(event -> {
            if (event.getTarget() == overlay) {
                onBackdrop.run();
            }
        });
        overlay.setVisible(false);
        return overlay;
    }
}
