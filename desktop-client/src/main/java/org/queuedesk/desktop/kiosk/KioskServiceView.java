package org.queuedesk.desktop.kiosk;

import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import org.queuedesk.common.site.ServiceDto;

/** Controller for {@code KioskService.fxml}: a big button per service. */
public final class KioskServiceView {

    private final KioskViewModel viewModel;

    @FXML private VBox serviceButtons;
    @FXML private Label loadingLabel;

    public KioskServiceView(KioskViewModel viewModel) {
        this.viewModel = viewModel;
    }

    @FXML
    private void initialize() {
        loadingLabel.visibleProperty().bind(viewModel.loadedProperty().not());
        loadingLabel.managedProperty().bind(loadingLabel.visibleProperty());
        viewModel.services().addListener((ListChangeListener<ServiceDto>) change -> fill());
        fill();
    }

    private void fill() {
        serviceButtons.getChildren().clear();
        for (ServiceDto service : viewModel.services()) {
            Button button = new Button(service.nameIn(viewModel.languageProperty().get()));
            button.setId("service-" + service.prefix());
            button.getStyleClass().add("kiosk-choice");
            button.setMaxWidth(Double.MAX_VALUE);
            button.setOnAction(event -> viewModel.chooseService(service));
            serviceButtons.getChildren().add(button);
        }
    }

    @FXML
    private void back() {
        viewModel.back();
    }
}
