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
    @FXML private Button appointmentButton;

    public KioskServiceView(KioskViewModel viewModel) {
        this.viewModel = viewModel;
    }

    @FXML
    private void initialize() {
        loadingLabel.visibleProperty().bind(viewModel.flow().loadedProperty().not());
        loadingLabel.managedProperty().bind(loadingLabel.visibleProperty());
        // the check-in needs the kiosk's site, read with the services
        appointmentButton.visibleProperty().bind(viewModel.flow().loadedProperty());
        appointmentButton.managedProperty().bind(appointmentButton.visibleProperty());
        viewModel.flow().services().addListener((ListChangeListener<ServiceDto>) change -> fill());
        fill();
    }

    private void fill() {
        serviceButtons.getChildren().clear();
        for (ServiceDto service : viewModel.flow().services()) {
            Button button = new Button(service.nameIn(viewModel.texts().languageProperty().get()));
            button.setId("service-" + service.prefix());
            button.getStyleClass().add("kiosk-choice");
            button.setMaxWidth(Double.MAX_VALUE);
            button.setOnAction(event -> viewModel.flow().chooseService(service));
            serviceButtons.getChildren().add(button);
        }
    }

    @FXML
    private void appointment() {
        viewModel.flow().chooseAppointment();
    }

    @FXML
    private void back() {
        viewModel.flow().back();
    }
}
