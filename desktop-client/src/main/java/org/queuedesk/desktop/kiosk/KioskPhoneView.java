package org.queuedesk.desktop.kiosk;

import javafx.event.ActionEvent;
import javafx.fxml.FXML;
import javafx.geometry.NodeOrientation;
import javafx.scene.control.Button;
import javafx.scene.control.Label;

/** Controller for {@code KioskPhone.fxml}: the on-screen keypad; the server checks the number. */
public final class KioskPhoneView {

    private final KioskViewModel viewModel;

    @FXML private Label phoneLabel;
    @FXML private Label errorLabel;
    @FXML private Button sendButton;
    @FXML private javafx.scene.layout.GridPane keypad;

    public KioskPhoneView(KioskViewModel viewModel) {
        this.viewModel = viewModel;
    }

    @FXML
    private void initialize() {
        phoneLabel.textProperty().bind(viewModel.flow().keypad().phoneProperty());
        // digits run left to right in every language, as on a phone
        phoneLabel.setNodeOrientation(NodeOrientation.LEFT_TO_RIGHT);
        keypad.setNodeOrientation(NodeOrientation.LEFT_TO_RIGHT);
        errorLabel.textProperty().bind(viewModel.flow().errorProperty());
        sendButton.disableProperty().bind(viewModel.flow().busyProperty());
    }

    @FXML
    private void key(ActionEvent event) {
        viewModel.flow().keypad().key(((Button) event.getSource()).getText().charAt(0));
    }

    @FXML
    private void backspace() {
        viewModel.flow().keypad().backspace();
    }

    @FXML
    private void send() {
        viewModel.flow().sendPhone();
    }

    @FXML
    private void back() {
        viewModel.flow().back();
    }
}
