package org.queuedesk.desktop.kiosk;

import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.fxml.FXML;
import javafx.geometry.NodeOrientation;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import org.queuedesk.desktop.kiosk.KioskCheckInFlow.Mode;

/**
 * Controller for {@code KioskAppointment.fxml}: "I have an appointment". A keyboard with only the booking-code
 * alphabet, or the phone keypad; what was typed, and the kind word when nothing matched. Codes and numbers read
 * left to right in every language.
 */
public final class KioskAppointmentView {

    private static final int CODE_COLUMNS = 7;
    private static final String PHONE_KEYS = "123456789+0";

    private final KioskViewModel viewModel;

    @FXML private Label titleLabel;
    @FXML private Label hintLabel;
    @FXML private Label typedLabel;
    @FXML private Label errorLabel;
    @FXML private GridPane codeKeys;
    @FXML private GridPane phoneKeys;
    @FXML private Button switchButton;
    @FXML private Button sendButton;

    public KioskAppointmentView(KioskViewModel viewModel) {
        this.viewModel = viewModel;
    }

    @FXML
    private void initialize() {
        KioskCheckInFlow flow = viewModel.flow().checkIn();
        KioskTexts texts = viewModel.texts();
        var byCode = flow.modeProperty().isEqualTo(Mode.CODE);
        titleLabel.textProperty().bind(Bindings.when(byCode).then(texts.text("kiosk.checkIn.title"))
                .otherwise(texts.text("kiosk.checkIn.phoneTitle")));
        switchButton.textProperty().bind(Bindings.when(byCode).then(texts.text("kiosk.checkIn.usePhone"))
                .otherwise(texts.text("kiosk.checkIn.useCode")));
        hintLabel.visibleProperty().bind(byCode);
        hintLabel.managedProperty().bind(byCode);
        codeKeys.visibleProperty().bind(byCode);
        phoneKeys.visibleProperty().bind(byCode.not());
        typedLabel.textProperty().bind(Bindings.createStringBinding(() -> byCode.get()
                        ? spacedOut(flow.codeKeypad().codeProperty().get())
                        : flow.phoneKeypad().phoneProperty().get(),
                byCode, flow.codeKeypad().codeProperty(), flow.phoneKeypad().phoneProperty()));
        typedLabel.setNodeOrientation(NodeOrientation.LEFT_TO_RIGHT);
        errorLabel.textProperty().bind(flow.errorProperty());
        sendButton.disableProperty().bind(flow.busyProperty());

        // keys in the same places in every language, as on a phone or a keyboard
        codeKeys.setNodeOrientation(NodeOrientation.LEFT_TO_RIGHT);
        phoneKeys.setNodeOrientation(NodeOrientation.LEFT_TO_RIGHT);
        String alphabet = BookingCodeKeypad.ALPHABET;
        for (int i = 0; i < alphabet.length(); i++) {
            char key = alphabet.charAt(i);
            codeKeys.add(key("code-key-" + key, String.valueOf(key), k -> flow.codeKeypad().key(key)),
                    i % CODE_COLUMNS, i / CODE_COLUMNS);
        }
        codeKeys.add(key("code-key-back", "\u232b", k -> flow.codeKeypad().backspace()),
                alphabet.length() % CODE_COLUMNS, alphabet.length() / CODE_COLUMNS);
        for (int i = 0; i < PHONE_KEYS.length(); i++) {
            char key = PHONE_KEYS.charAt(i);
            phoneKeys.add(key("phone-key-" + (key == '+' ? "plus" : String.valueOf(key)), String.valueOf(key),
                    k -> flow.phoneKeypad().key(key)), i % 3, i / 3);
        }
        phoneKeys.add(key("phone-key-back", "\u232b", k -> flow.phoneKeypad().backspace()), 2, 3);
    }

    private static Button key(String id, String text, Consumer<String> pressed) {
        Button button = new Button(text);
        button.setId(id);
        button.getStyleClass().add("kiosk-key");
        button.setOnAction(event -> pressed.accept(text));
        return button;
    }

    /** {@code 7KX} as {@code 7 K X _ _ _}: how many are still to type, readable from a step back. */
    static String spacedOut(String code) {
        var shown = new StringBuilder();
        for (int i = 0; i < BookingCodeKeypad.LENGTH; i++) {
            if (i > 0) {
                shown.append(' ');
            }
            shown.append(i < code.length() ? code.charAt(i) : '_');
        }
        return shown.toString();
    }

    @FXML
    private void switchMode() {
        KioskCheckInFlow flow = viewModel.flow().checkIn();
        if (flow.modeProperty().get() == Mode.CODE) {
            flow.usePhone();
        } else {
            flow.useCode();
        }
    }

    @FXML
    private void send() {
        viewModel.flow().checkIn().send();
    }

    @FXML
    private void back() {
        viewModel.flow().back();
    }
}
