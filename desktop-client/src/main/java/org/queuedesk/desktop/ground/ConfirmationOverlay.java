package org.queuedesk.desktop.ground;

import javafx.application.Platform;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * Shows a {@link PendingConfirmation} as a card over the screen (inside the window, so it never hides behind
 * it). The safe choice has the focus: Enter or Space on it, Esc or a click beside the card keep things as they
 * are. Keys never reach the screen below while the card is up, so Enter cannot issue or call behind it.
 */
public final class ConfirmationOverlay {

    private ConfirmationOverlay() {
    }

    public static Node create(PendingConfirmation pending) {
        Label title = new Label();
        title.setId("confirmTitle");
        title.getStyleClass().add("card-title");
        title.setWrapText(true);
        Label message = new Label();
        message.setId("confirmMessage");
        message.setWrapText(true);
        message.setMinHeight(Region.USE_PREF_SIZE);
        Button keep = new Button();
        keep.setId("keepButton");
        keep.setOnAction(event -> pending.dismiss());
        Button confirm = new Button();
        confirm.setId("confirmButton");
        confirm.getStyleClass().add("danger");
        confirm.setOnAction(event -> pending.confirm());
        HBox buttons = new HBox(10, keep, confirm);
        buttons.setAlignment(Pos.CENTER_RIGHT);
        VBox card = new VBox(12, title, message, buttons);
        card.getStyleClass().addAll("card", "overlay-card");
        card.setMaxSize(520, Region.USE_PREF_SIZE);
        card.setOnMouseClicked(event -> event.consume());

        StackPane overlay = Overlays.backdrop(card, pending::dismiss);
        overlay.setId("confirmOverlay");
        pending.property().addListener((o, before, now) -> {
            overlay.setVisible(now != null);
            if (now != null) {
                title.setText(now.title());
                message.setText(now.message());
                keep.setText(now.keepLabel());
                confirm.setText(now.confirmLabel());
                Platform.runLater(keep::requestFocus);
            }
        });
        overlay.setVisible(pending.isPending());
        return overlay;
    }
}
