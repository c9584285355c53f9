package org.queuedesk.desktop.kiosk;

import javafx.fxml.FXML;
import javafx.geometry.NodeOrientation;
import javafx.scene.control.Label;

/** Controller for {@code KioskNumber.fxml}: the number shown big instead of printed, with its service. */
public final class KioskNumberView {

    private final KioskViewModel viewModel;

    @FXML private Label numberLabel;
    @FXML private Label serviceLabel;
    @FXML private Label aheadLabel;

    public KioskNumberView(KioskViewModel viewModel) {
        this.viewModel = viewModel;
    }

    @FXML
    private void initialize() {
        numberLabel.textProperty().bind(viewModel.flow().issued().ticketProperty()
                .map(issued -> issued.ticket().number()).orElse(""));
        numberLabel.setNodeOrientation(NodeOrientation.LEFT_TO_RIGHT); // "A-042" reads the same in Arabic
        serviceLabel.textProperty().bind(viewModel.flow().issued().serviceNameProperty());
        aheadLabel.textProperty().bind(viewModel.flow().issued().peopleAheadProperty());
    }

    @FXML
    private void finish() {
        viewModel.reset();
    }
}
