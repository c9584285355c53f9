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
 * {@link #inOneRowSlot} is the form for a desk whose buttons must never move: one row's height, always held.
 */
@Port
public final class AlertBanner extends VBox {

    static final int MAX_ROWS = 3;
    private final AlertBannerViewModel model;
    private final String acknowledgeText;
    private final java.util.function.IntFunction<String> moreText;
    /** Null: rows come and go; else the text of the held slot while no alert is open. */
    private final String noneText;
    /** Each row's parts one under another, for a narrow column. */
    private final boolean narrow;

    public AlertBanner(AlertBannerViewModel model, String acknowledgeText, java.util.function.IntFunction<String> moreText) {
        this(model, acknowledgeText, moreText, null, false);
    }

    private AlertBanner(AlertBannerViewModel model, String acknowledgeText,
                        java.util.function.IntFunction<String> moreText, String noneText, boolean narrow) {
        super(6);
        this.model = model;
        this.acknowledgeText = acknowledgeText;
        this.moreText = moreText;
        this.noneText = noneText;
        this.narrow = narrow;
        setId("alertBanner");
        model.shown().addListener((ListChangeListener<AlertDto>) change -> rebuild());
        model.errorProperty().addListener((o, before, now) -> {
            if (noneText != null) {
                rebuild();
            }
        });
        rebuild();
    }

    /**
     * The banner in a slot one row high that is there with or without alerts, so nothing under it moves when one
     * is raised (a receptionist about to click a row must not hit the one below it): the most severe alert, and
     * how many more in the same row. The slot's height is a real row's (an invisible one), whatever the font size.
     */
    public static AlertBanner inOneRowSlot(AlertBannerViewModel model, String acknowledgeText,
                                           java.util.function.IntFunction<String> moreText, String noneText) {
        return new AlertBanner(model, acknowledgeText, moreText, noneText, false);
    }

    /**
     * The banner for a narrow column that grows into the space of something above it that gives way (the admin
     * desk's list of screens): tier, text and button one under another, so the screen beside it never moves.
     */
    public static AlertBanner narrow(AlertBannerViewModel model, String acknowledgeText,
                                     java.util.function.IntFunction<String> moreText) {
        return new AlertBanner(model, acknowledgeText, moreText, null, true);
    }

    private void rebuild() {
        if (noneText != null) {
            rebuildSlot();
            return;
        }
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

    private void rebuildSlot() {
        // the sizing row: the height of a banner row at this font size, never shown
        javafx.scene.layout.Pane sizing = row(new AlertDto(0, 0, org.queuedesk.common.alert.AlertRule.WAITING_COUNT,
                org.queuedesk.common.alert.AlertTier.MEDIUM, null, null, "", 0, "M", null, java.time.Instant.EPOCH,
                java.time.Instant.EPOCH, null, null, null), true);
        sizing.setVisible(false);
        sizing.setMouseTransparent(true);
        sizing.getStyleClass().setAll("alert-slot-sizing");
        sizing.getChildren().forEach(child -> child.getStyleClass().remove("alert-acknowledge"));
        javafx.scene.Node shownNode;
        if (model.shown().isEmpty()) {
            Label none = new Label(model.errorProperty().get().isEmpty() ? noneText : model.errorProperty().get());
            none.getStyleClass().add(model.errorProperty().get().isEmpty() ? "muted" : "field-error");
            none.getStyleClass().add("alert-none");
            HBox quiet = new HBox(none);
            quiet.setAlignment(Pos.CENTER_LEFT);
            quiet.setPadding(new Insets(8, 12, 8, 12));
            shownNode = quiet;
        } else {
            javafx.scene.layout.Pane first = row(model.shown().get(0), true);
            int more = model.shown().size() - 1;
            String problem = model.errorProperty().get();
            if (more > 0 || !problem.isEmpty()) {
                Label extra = new Label(problem.isEmpty() ? moreText.apply(more) : problem);
                extra.getStyleClass().addAll("alert-more");
                extra.setStyle("-fx-text-fill: " + AlertColours.css(AlertColours.text(model.shown().get(0).tier())) + ";");
                extra.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
                first.getChildren().add(2, extra);
            }
            shownNode = first;
        }
        javafx.scene.layout.StackPane slot = new javafx.scene.layout.StackPane(sizing, shownNode);
        slot.setAlignment(Pos.CENTER_LEFT);
        getChildren().setAll(slot);
        setVisible(true);
        setManaged(true);
    }

    private javafx.scene.layout.Pane row(AlertDto alert) {
        return row(alert, false);
    }

    /** {@code oneLine}: the summary never wraps (it ends in "…", its whole text in a tooltip). */
    private javafx.scene.layout.Pane row(AlertDto alert, boolean oneLine) {
        String fg = AlertColours.css(AlertColours.text(alert.tier()));
        Label tier = new Label(model.tierName(alert));
        tier.setStyle("-fx-text-fill: " + fg + "; -fx-font-weight: bold;");
        String words = model.summary(alert);
        Label summary = new Label(words);
        summary.setWrapText(!oneLine);
        summary.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        if (oneLine) {
            summary.setTooltip(new javafx.scene.control.Tooltip(words));
            // no width of its own: the slot's width is the desk's to give, and a long summary must not push the
            // desk's columns apart (session 8: the tables and their buttons slid left, "M…" and "Ackno…")
            summary.setMinWidth(0);
            summary.setPrefWidth(0);
            tier.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        }
        summary.setStyle("-fx-text-fill: " + fg + ";");
        HBox.setHgrow(summary, Priority.ALWAYS);
        summary.setMaxWidth(Double.MAX_VALUE);
        Button acknowledge = new Button(acknowledgeText);
        acknowledge.getStyleClass().add("alert-acknowledge");
        acknowledge.setOnAction(e -> model.acknowledge(alert));
        if (oneLine) {
            acknowledge.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        }
        javafx.scene.layout.Pane row;
        if (narrow) {
            VBox stacked = new VBox(6, tier, summary, acknowledge);
            stacked.setAlignment(Pos.CENTER_LEFT);
            row = stacked;
        } else {
            HBox line = new HBox(12, tier, summary, acknowledge);
            line.setAlignment(Pos.CENTER_LEFT);
            row = line;
        }
        row.getStyleClass().addAll("alert-banner", "alert-" + alert.tier().wireName());
        row.setPadding(new Insets(8, 12, 8, 12));
        row.setStyle("-fx-background-color: " + AlertColours.css(AlertColours.background(alert.tier()))
                + "; -fx-background-radius: 6;");
        return row;
    }
}
