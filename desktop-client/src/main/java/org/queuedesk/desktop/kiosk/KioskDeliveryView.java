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
        serviceLabel.textProperty().bind(viewModel.serviceNameProperty());
        printButton.setVisible(viewModel.printerAvailable());
        printButton.setManaged(viewModel.printerAvailable());
        printButton.disableProperty().bind(viewModel.busyProperty());
        screenButton.setVisible(!viewModel.printerAvailable());
        screenButton.setManaged(!viewModel.printerAvailable());
        screenButton.disableProperty().bind(viewModel.busyProperty());
        textButton.disableProperty().bind(viewModel.busyProperty());
        errorLabel.textProperty().bind(viewModel.errorProperty());
    }

    @FXML
    private void print() {
        viewModel.choosePrint();
    }

    @FXML
    private void screen() {
        viewModel.chooseScreen();
    }

    @FXML
    private void text() {
        viewModel.chooseText();
    }

    @FXML
    private void back() {
        viewModel.back();
    }
}
