package org.queuedesk.desktop.admin;

import java.util.ResourceBundle;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The pieces every management screen is made of, so each view stays a list of its fields: a card with a title,
 * a caption over each field with the server's message for it under it, and a status line (progress, what was
 * done, or the problem). View code only: the state is in the view-models.
 */
final class FormLayout {

    private final ResourceBundle messages;
    private final GridPane grid = new GridPane();
    private final VBox card = new VBox(10);
    private final Label title;
    private int row;

    FormLayout(ResourceBundle messages, String titleKey) {
        this.messages = messages;
        title = new Label(messages.getString(titleKey));
        title.getStyleClass().add("card-title");
        grid.setHgap(12);
        grid.setVgap(2);
        ColumnConstraints captions = new ColumnConstraints();
        captions.setMinWidth(Region.USE_PREF_SIZE);
        ColumnConstraints fields = new ColumnConstraints();
        fields.setHgrow(Priority.ALWAYS);
        fields.setFillWidth(true);
        grid.getColumnConstraints().setAll(captions, fields);
        card.getStyleClass().add("card");
        card.getChildren().addAll(title, grid);
    }

    /** A caption, the control, and under it the server's message for {@code error} (hidden when empty). */
    <T extends Region> T field(String captionKey, T control, ReadOnlyStringProperty error) {
        Label caption = new Label(messages.getString(captionKey));
        caption.getStyleClass().add("field-label");
        caption.setLabelFor(control);
        // a long caption wraps rather than take the width from the field and the server's message under it
        caption.setWrapText(true);
        caption.setMaxWidth(CAPTION_MAX_WIDTH);
        control.setMaxWidth(Double.MAX_VALUE);
        grid.add(caption, 0, row);
        grid.add(control, 1, row++);
        if (error != null) {
            Label message = fieldError(error);
            message.setId(control.getId() == null ? null : control.getId() + "Error");
            grid.add(message, 1, row++);
        }
        return control;
    }

    /** A text field bound both ways to {@code value}. */
    TextField text(String id, String captionKey, StringProperty value, ReadOnlyStringProperty error) {
        TextField field = new TextField();
        field.setId(id);
        field.textProperty().bindBidirectional(value);
        return field(captionKey, field, error);
    }

    /** Something under the fields (buttons, the status line). */
    FormLayout add(Node node) {
        card.getChildren().add(node);
        return this;
    }

    VBox card() {
        return card;
    }

    /** The title followed by the name of what the card works on ("Chosen user · ana.garcia"). */
    <T> FormLayout titleNaming(javafx.beans.value.ObservableValue<T> chosen, Function<T, String> name) {
        String plain = title.getText();
        title.textProperty().bind(Bindings.createStringBinding(() -> chosen.getValue() == null ? plain
                : plain + " \u00b7 " + name.apply(chosen.getValue()), chosen));
        return this;
    }

    /** Esc answers "no" to a question on show in this part of the screen, wherever the focus is in it. */
    static void escapeCancels(Node area, javafx.beans.value.ObservableBooleanValue asking, Runnable cancel) {
        area.addEventFilter(javafx.scene.input.KeyEvent.KEY_PRESSED, key -> {
            if (key.getCode() == javafx.scene.input.KeyCode.ESCAPE && asking.get()) {
                cancel.run();
                key.consume();
            }
        });
    }

    /** The widest a caption gets before it wraps. */
    static final double CAPTION_MAX_WIDTH = 260;

    /** The most lines of a field's message under it: a long refusal must not push the form down. */
    static final int FIELD_ERROR_LINES = 2;

    /**
     * The server's message for a field: at most {@link #FIELD_ERROR_LINES} lines under it (then an ellipsis), the
     * whole message as its tooltip.
     */
    static Label fieldError(ReadOnlyStringProperty error) {
        Label message = errorLabel(error);
        javafx.scene.control.Tooltip whole = new javafx.scene.control.Tooltip();
        whole.textProperty().bind(error);
        whole.setWrapText(true);
        whole.setMaxWidth(480);
        message.setTooltip(whole);
        message.maxHeightProperty().bind(Bindings.createDoubleBinding(() -> {
            var lines = new javafx.scene.text.Text(String.join("\n", java.util.Collections.nCopies(FIELD_ERROR_LINES, "Ag")));
            lines.setFont(message.getFont());
            lines.setLineSpacing(message.getLineSpacing());
            // a label draws only the wrapped lines that fit its height: this one fits that many, never another
            return Math.ceil(lines.getLayoutBounds().getHeight()) + message.snappedTopInset()
                    + message.snappedBottomInset() + 1;
        }, message.fontProperty(), message.lineSpacingProperty(), message.paddingProperty()));
        return message;
    }

    static Label errorLabel(ReadOnlyStringProperty error) {
        Label message = new Label();
        message.getStyleClass().add("field-error");
        message.setWrapText(true);
        message.textProperty().bind(error);
        message.visibleProperty().bind(error.isNotEmpty());
        message.managedProperty().bind(message.visibleProperty());
        return message;
    }

    /** Progress while the form's request runs, then what was done or the server's problem. */
    static HBox status(FormState form, String id) {
        ProgressIndicator progress = new ProgressIndicator();
        progress.setPrefSize(18, 18);
        progress.visibleProperty().bind(form.busyProperty());
        progress.managedProperty().bind(progress.visibleProperty());
        Label problem = errorLabel(form.problemProperty());
        problem.setId(id + "Problem");
        Label done = new Label();
        done.setId(id + "Done");
        done.getStyleClass().add("action-info");
        done.setWrapText(true);
        done.textProperty().bind(form.doneProperty());
        done.visibleProperty().bind(form.doneProperty().isNotEmpty());
        done.managedProperty().bind(done.visibleProperty());
        HBox line = new HBox(8, progress, problem, done);
        line.setAlignment(Pos.CENTER_LEFT);
        return line;
    }

    static Button button(String id, String textKey, ResourceBundle messages, Runnable action) {
        Button button = new Button(messages.getString(textKey));
        button.setId(id);
        button.setOnAction(e -> action.run());
        return button;
    }

    static HBox buttons(Node... buttons) {
        HBox row = new HBox(8, buttons);
        row.setAlignment(Pos.CENTER_LEFT);
        return row;
    }

    static <S> TableColumn<S, String> column(String titleKey, ResourceBundle messages, Function<S, String> value) {
        TableColumn<S, String> column = new TableColumn<>(messages.getString(titleKey));
        column.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(value.apply(cell.getValue())));
        return column;
    }

    static <S> TableView<S> table(String id) {
        TableView<S> table = new TableView<>();
        table.setId(id);
        table.getStyleClass().add("quiet-table");
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        return table;
    }

    /**
     * The screen: what is listed on top (growing with the window), its forms side by side under it (scrolling
     * when the window is too short for them), so every field and button stays where a click can reach it.
     */
    static Node page(Node listed, Node... forms) {
        HBox side = new HBox(12, forms);
        side.setFillHeight(false);
        for (Node form : forms) {
            HBox.setHgrow(form, Priority.ALWAYS);
            if (form instanceof Region region) {
                region.setMaxWidth(Double.MAX_VALUE);
                region.setPrefWidth(10); // equal shares of the width, whatever their content
            }
        }
        ScrollPane scroll = new ScrollPane(side);
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add("bare-scroll");
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        followFocus(scroll);
        if (listed instanceof Region region) {
            region.setMinHeight(170);
            region.setPrefHeight(220);
        }
        VBox.setVgrow(listed, Priority.ALWAYS);
        VBox page = new VBox(12, listed, scroll);
        page.getStyleClass().add("admin-page");
        return page;
    }

    /** Tabbing to a field below the fold scrolls it into view: the keyboard reaches every field. */
    static void followFocus(ScrollPane scroll) {
        scroll.sceneProperty().addListener((o, before, scene) -> {
            if (scene != null) {
                scene.focusOwnerProperty().addListener((f, was, now) -> reveal(scroll, now));
            }
        });
    }

    private static void reveal(ScrollPane scroll, Node node) {
        Node content = scroll.getContent();
        for (Node up = node; up != null; up = up.getParent()) {
            if (up == content) {
                var bounds = content.sceneToLocal(node.localToScene(node.getBoundsInLocal()));
                double height = content.getBoundsInLocal().getHeight();
                double viewport = scroll.getViewportBounds().getHeight();
                if (height <= viewport) {
                    return;
                }
                double top = scroll.getVvalue() * (height - viewport);
                if (bounds.getMinY() < top) {
                    top = bounds.getMinY();
                } else if (bounds.getMaxY() > top + viewport) {
                    top = bounds.getMaxY() - viewport;
                }
                scroll.setVvalue(top / (height - viewport));
                return;
            }
        }
    }

    static String orDash(String text) {
        return text == null || text.isBlank() ? "\u2014" : text;
    }

    static javafx.beans.binding.BooleanBinding isNull(javafx.beans.value.ObservableValue<?> value) {
        return Bindings.createBooleanBinding(() -> value.getValue() == null, value);
    }
}
