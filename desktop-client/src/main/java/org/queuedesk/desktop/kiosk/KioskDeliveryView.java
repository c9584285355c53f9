package org.queuedesk.desktop.kiosk;

import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Label;

/**
 * Controller for {@code KioskDelivery.fxml}: "Print my ticket" (or, without a printer, "Show my number on
 * screen") or "Text me my number".
 */
public final class KioskDeliveryView {

    private final KioskViewModel viewModel;

    @FXML private Label serviceLabel;
    @FXML private Button printButton;
    @FXML private Button screenButton;
    @FXML private Button textButton;
    @FXML private Label errorLabel;

    public KioskDeliveryView(KioskViewModel viewModel) {
        this.viewModel = viewModel;
    }

    @FXML
    private void initialize() {
        serviceLabel.textProperty().bind(viewModel.flow().issued().serviceNameProperty());
        printButton.setVisible(viewModel.printing().available());
        printButton.setManaged(viewModel.printing().available());
        printButton.disableProperty().bind(viewModel.flow().busyProperty());
        screenButton.setVisible(!viewModel.printing().available());
        screenButton.setManaged(!viewModel.printing().available());
        screenButton.disableProperty().bind(viewModel.flow().busyProperty());
        textButton.disableProperty().bind(viewModel.flow().busyProperty());
        errorLabel.textProperty().bind(viewModel.flow().errorProperty());
    }

    @FXML
    private void print() {
        viewModel.flow().choosePrint();
    }

    @FXML
    private void screen() {
        viewModel.flow().chooseScreen();
    }

    @FXML
    private void text() {
        viewModel.flow().chooseText();
    }

    @FXML
    private void back() {
        viewModel.flow().back();
    }
}
