package org.queuedesk.desktop.kiosk;

import javafx.fxml.FXML;
import javafx.geometry.NodeOrientation;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;

/** Controller for {@code KioskDone.fxml}: the number, people ahead, the wait, and any printer trouble. */
public final class KioskDoneView {

    private final KioskViewModel viewModel;

    @FXML private Label numberLabel;
    @FXML private Label serviceLabel;
    @FXML private Label aheadLabel;
    @FXML private Label waitLabel;
    @FXML private Label deliveryLabel;
    @FXML private VBox printProblemBox;
    @FXML private Label printProblemLabel;
    @FXML private Button retryPrintButton;
    @FXML private Button screenButton;

    public KioskDoneView(KioskViewModel viewModel) {
        this.viewModel = viewModel;
    }

    @FXML
    private void initialize() {
        numberLabel.textProperty().bind(viewModel.issuedProperty()
                .map(issued -> issued.ticket().number()).orElse(""));
        numberLabel.setNodeOrientation(NodeOrientation.LEFT_TO_RIGHT);
        serviceLabel.textProperty().bind(viewModel.serviceNameProperty());
        aheadLabel.textProperty().bind(viewModel.peopleAheadProperty());
        waitLabel.textProperty().bind(viewModel.estimatedWaitProperty());
        deliveryLabel.textProperty().bind(viewModel.deliveryTextProperty());
        printProblemLabel.textProperty().bind(viewModel.printProblemProperty());
        printProblemBox.visibleProperty().bind(viewModel.printProblemProperty().isNotEmpty());
        printProblemBox.managedProperty().bind(printProblemBox.visibleProperty());
        retryPrintButton.disableProperty().bind(viewModel.canRetryPrintProperty().not());
        screenButton.disableProperty().bind(viewModel.canRetryPrintProperty().not());
    }

    @FXML
    private void retryPrint() {
        viewModel.print();
    }

    @FXML
    private void showOnScreen() {
        viewModel.showNumberOnScreen();
    }

    @FXML
    private void finish() {
        viewModel.reset();
    }
}
