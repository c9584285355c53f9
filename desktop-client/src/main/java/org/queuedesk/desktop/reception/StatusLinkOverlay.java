package org.queuedesk.desktop.reception;

import java.text.MessageFormat;
import java.util.ResourceBundle;
import javafx.application.Platform;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.image.ImageView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.queuedesk.desktop.ground.Overlays;
import org.queuedesk.desktop.ground.ViewBindings;

/** The patient's status link as a big QR code over the reception screen, with the link itself and Print. */
final class StatusLinkOverlay {

    private StatusLinkOverlay() {
    }

    static Node create(StatusLinkViewModel viewModel, ResourceBundle messages) {
        Label title = new Label();
        title.setId("statusLinkTitle");
        title.getStyleClass().add("card-title");
        Label hint = new Label(messages.getString("reception.statusLink.hint"));
        hint.getStyleClass().add("muted");
        hint.setWrapText(true);
        ImageView qr = new ImageView();
        qr.setId("statusLinkQr");
        qr.setSmooth(false); // modules stay sharp squares
        Label url = new Label();
        url.setId("statusLinkUrl");
        url.getStyleClass().add("status-link-url");
        url.setWrapText(true);
        url.setMinHeight(Region.USE_PREF_SIZE);
        Label validUntil = new Label();
        validUntil.getStyleClass().add("muted");
        Label info = new Label();
        info.setId("statusLinkInfo");
        info.getStyleClass().add("action-info");
        ViewBindings.message(info, viewModel.infoProperty());
        StackPane infoSlot = new StackPane(info);
        infoSlot.getStyleClass().add("message-slot");
        Button close = new Button(messages.getString("reception.statusLink.close"));
        close.setId("statusLinkClose");
        close.setOnAction(event -> viewModel.close());
        Button print = new Button(messages.getString("reception.statusLink.print"));
        print.setId("statusLinkPrint");
        print.getStyleClass().add("primary");
        print.disableProperty().bind(viewModel.printingProperty());
        print.setOnAction(event -> viewModel.print());
        HBox buttons = new HBox(10, close, print);
        buttons.setAlignment(Pos.CENTER_RIGHT);
        VBox card = new VBox(10, title, hint, qr, url, validUntil, infoSlot, buttons);
        card.setAlignment(Pos.TOP_CENTER);
        card.getStyleClass().addAll("card", "overlay-card");
        card.setMaxSize(480, Region.USE_PREF_SIZE);
        card.setOnMouseClicked(event -> event.consume());

        StackPane overlay = Overlays.backdrop(card, viewModel::close);
        overlay.setId("statusLinkOverlay");
        viewModel.cardProperty().addListener((o, before, now) -> {
            overlay.setVisible(now != null);
            if (now != null) {
                title.setText(MessageFormat.format(messages.getString("reception.statusLink.title"), now.number()));
                qr.setImage(QrCodeImage.of(now.url(), 6));
                url.setText(now.url());
                validUntil.setText(now.validUntil());
                Platform.runLater(close::requestFocus);
            }
        });
        return overlay;
    }
}
