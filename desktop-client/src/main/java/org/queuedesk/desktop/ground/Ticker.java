package org.queuedesk.desktop.ground;

import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.scene.Node;
import javafx.util.Duration;

/** Runs {@code tick} every few seconds while {@code node} is on screen (waiting times move with the clock). */
public final class Ticker {

    private Ticker() {
    }

    public static void whileShown(Node node, Duration every, Runnable tick) {
        Timeline timeline = new Timeline(new KeyFrame(every, event -> tick.run()));
        timeline.setCycleCount(Timeline.INDEFINITE);
        node.sceneProperty().addListener((o, before, now) -> {
            if (now == null) {
                timeline.stop();
            } else {
                timeline.play();
            }
        });
        if (node.getScene() != null) {
            timeline.play();
        }
    }
}
