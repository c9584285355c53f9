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

/**
 * One banner row per shown alert, in its tier's colour, with an Acknowledge button; nothing when none. At most
 * {@link #MAX_ROWS} rows (the most severe) and a line saying how many more, so the desk keeps its tables.
 */
@Port
public final class AlertBanner extends VBox {

    static final int MAX_ROWS = 3;
    private final AlertBannerViewModel model;
    private final String acknowledgeText;
    private final java.util.function.IntFunction<String> moreText;

    public AlertBanner(AlertBannerViewModel model, String acknowledgeText, java.util.function.IntFunction<String> moreText) {
        super(6);
        this.model = model;
        this.acknowledgeText = acknowledgeText;
        this.moreText = moreText;
        setId("alertBanner");
        model.shown().addListener((ListChangeListener<AlertDto>) change -> rebuild());
        rebuild();
    }

    private void rebuild() {
        getChildren().setAll(model.shown().stream().limit(MAX_ROWS).map(this::row).toList());
        if (model.shown().size() > MAX_ROWS) {
            Label more = new Label(moreText.apply(model.shown().size() - MAX_ROWS));
            more.getStyleClass().addAll("muted", "alert-more");
            getChildren().add(more);
        }
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
