package org.queuedesk.desktop.alert;

import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.queuedesk.common.alert.AlertDto;
import org.queuedesk.desktop.ground.Port;

/** One banner row per shown alert, in its tier's colour, with an Acknowledge button; nothing when none. */
@Port
public final class AlertBanner extends VBox {

    private final AlertBannerViewModel model;
    private final String acknowledgeText;

    public AlertBanner(AlertBannerViewModel model, String acknowledgeText) {
        super(6);
        this.model = model;
        this.acknowledgeText = acknowledgeText;
        setId("alertBanner");
        model.shown().addListener((ListChangeListener<AlertDto>) change -> rebuild());
        rebuild();
    }

    private void rebuild() {
        getChildren().setAll(model.shown().stream().map(this::row).toList());
        Label error = new Label();
        error.textProperty().bind(model.errorProperty());
        error.getStyleClass().add("field-error");
        error.visibleProperty().bind(model.errorProperty().isNotEmpty());
        error.managedProperty().bind(error.visibleProperty());
        getChildren().add(error);
        setVisible(!model.shown().isEmpty() || !model.errorProperty().get().isEmpty());
        setManaged(isVisible());
    }

    private HBox row(AlertDto alert) {
        String fg = AlertColours.css(AlertColours.text(alert.tier()));
        Label tier = new Label(model.tierName(alert));
        tier.setStyle("-fx-text-fill: " + fg + "; -fx-font-weight: bold;");
        Label summary = new Label(alert.summary());
        summary.setWrapText(true);
        summary.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        summary.setStyle("-fx-text-fill: " + fg + ";");
        HBox.setHgrow(summary, Priority.ALWAYS);
        summary.setMaxWidth(Double.MAX_VALUE);
        Button acknowledge = new Button(acknowledgeText);
        acknowledge.getStyleClass().add("alert-acknowledge");
        acknowledge.setOnAction(e -> model.acknowledge(alert));
        HBox row = new HBox(12, tier, summary, acknowledge);
        row.getStyleClass().addAll("alert-banner", "alert-" + alert.tier().wireName());
        row.setAlignment(Pos.CENTER_LEFT);
        row.setPadding(new Insets(8, 12, 8, 12));
        row.setStyle("-fx-background-color: " + AlertColours.css(AlertColours.background(alert.tier()))
                + "; -fx-background-radius: 6;");
        return row;
    }
}
