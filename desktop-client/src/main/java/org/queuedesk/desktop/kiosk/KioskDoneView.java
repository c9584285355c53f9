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
        numberLabel.textProperty().bind(viewModel.flow().issued().ticketProperty()
                .map(issued -> issued.ticket().number()).orElse(""));
        numberLabel.setNodeOrientation(NodeOrientation.LEFT_TO_RIGHT);
        serviceLabel.textProperty().bind(viewModel.flow().issued().serviceNameProperty());
        aheadLabel.textProperty().bind(viewModel.flow().issued().peopleAheadProperty());
        waitLabel.textProperty().bind(viewModel.flow().issued().estimatedWaitProperty());
        // a checked-in appointment has its time instead of a wait: no empty line where the wait would be
        waitLabel.managedProperty().bind(waitLabel.textProperty().isNotEmpty());
        deliveryLabel.textProperty().bind(viewModel.flow().issued().deliveryProperty());
        printProblemLabel.textProperty().bind(viewModel.printing().problemProperty());
        printProblemBox.visibleProperty().bind(viewModel.printing().problemProperty().isNotEmpty());
        printProblemBox.managedProperty().bind(printProblemBox.visibleProperty());
        retryPrintButton.disableProperty().bind(viewModel.printing().canRetryProperty().not());
        screenButton.disableProperty().bind(viewModel.printing().canRetryProperty().not());
    }

    @FXML
    private void retryPrint() {
        viewModel.printing().retry();
    }

    @FXML
    private void showOnScreen() {
        viewModel.flow().showNumberOnScreen();
    }

    @FXML
    private void finish() {
        viewModel.reset();
    }
}
