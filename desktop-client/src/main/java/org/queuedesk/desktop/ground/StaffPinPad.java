package org.queuedesk.desktop.ground;

import java.util.ResourceBundle;
import javafx.geometry.NodeOrientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * The PIN pad and its hidden corner over a locked screen, bound to a {@link StaffPin}; styled like the
 * kiosk's pad. Ctrl+Shift+K opens it while the screen is shown.
 */
public final class StaffPinPad {

    private StaffPinPad() {
    }

    /** Adds the corner and the pad on top of {@code holder}'s other children. */
    public static void install(StackPane holder, StaffPin pin, ResourceBundle messages, String titleKey) {
        Region corner = new Region();
        corner.getStyleClass().add("kiosk-staff-corner");
        corner.setId("staffCorner");
        corner.setPrefSize(72, 72);
        corner.setMaxSize(72, 72);
        corner.setOnMouseClicked(event -> pin.cornerTapped());
        StackPane.setAlignment(corner, Pos.TOP_LEFT);
        holder.getChildren().addAll(corner, pad(pin, messages, titleKey));
        SceneKeys.whileShown(holder, event -> {
            if (event.getCode() == KeyCode.K && event.isShortcutDown() && event.isShiftDown()) {
                event.consume();
                pin.open();
            }
        });
    }

    private static Node pad(StaffPin pin, ResourceBundle messages, String titleKey) {
        Label title = new Label(messages.getString(titleKey));
        title.getStyleClass().add("kiosk-pin-title");
        Label dots = new Label();
        dots.setId("pinDots");
        dots.getStyleClass().add("kiosk-pin-dots");
        dots.textProperty().bind(pin.entryProperty().map(entry -> "\u25cf".repeat(entry.length())));
        Label error = new Label();
        error.setId("pinError");
        error.getStyleClass().add("kiosk-error");
        error.textProperty().bind(pin.errorProperty());
        GridPane keys = new GridPane();
        keys.setHgap(10);
        keys.setVgap(10);
        keys.setAlignment(Pos.CENTER);
        keys.setNodeOrientation(NodeOrientation.LEFT_TO_RIGHT);
        for (int digit = 1; digit <= 9; digit++) {
            keys.add(digit(digit, pin), (digit - 1) % 3, (digit - 1) / 3);
        }
        keys.add(key("\u232b", "pin-back", pin::backspace), 0, 3);
        keys.add(digit(0, pin), 1, 3);
        Button ok = key("OK", "pin-ok", pin::submit);
        ok.getStyleClass().add("primary");
        keys.add(ok, 2, 3);
        Button cancel = new Button(messages.getString("kiosk.pin.cancel"));
        cancel.setId("pinCancel");
        cancel.getStyleClass().add("kiosk-secondary");
        cancel.setOnAction(event -> pin.close());
        VBox card = new VBox(14, title, dots, error, keys, cancel);
        card.getStyleClass().add("kiosk-pin-card");
        card.setAlignment(Pos.CENTER);
        card.setMaxWidth(420);
        card.setMaxHeight(Region.USE_PREF_SIZE);
        VBox overlay = new VBox(card);
        overlay.setAlignment(Pos.CENTER);
        // the kiosk's look (buttons, colours) inside the pad, whatever screen it is on
        overlay.getStyleClass().addAll("kiosk", "kiosk-pin-overlay");
        overlay.visibleProperty().bind(pin.openProperty());
        return overlay;
    }

    private static Button digit(int digit, StaffPin pin) {
        char typed = Character.forDigit(digit, 10);
        return key(String.valueOf(typed), "pin-" + typed, () -> pin.key(typed));
    }

    private static Button key(String text, String id, Runnable action) {
        Button button = new Button(text);
        button.setId(id);
        button.getStyleClass().add("kiosk-key");
        button.setOnAction(event -> action.run());
        return button;
    }
}
