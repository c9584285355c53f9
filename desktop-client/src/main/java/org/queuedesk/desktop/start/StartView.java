package org.queuedesk.desktop.start;

import java.util.ResourceBundle;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import org.queuedesk.desktop.ground.ControllerFactory;
import org.queuedesk.desktop.ground.Fxml;
import org.queuedesk.desktop.ground.Mode;

/** Controller for {@code Start.fxml}: binds, and delegates each action to the view-model in one line. */
public final class StartView {

    private final StartViewModel viewModel;

    @FXML private Button receptionButton;
    @FXML private Button doctorButton;
    @FXML private Button kioskButton;
    @FXML private Button displayButton;
    @FXML private Button adminButton;

    public StartView(StartViewModel viewModel) {
        this.viewModel = viewModel;
    }

    public static Parent load(StartViewModel viewModel, ResourceBundle messages) {
        return Fxml.load(StartView.class, "Start.fxml", messages,
                new ControllerFactory().register(StartView.class, () -> new StartView(viewModel)));
    }

    @FXML
    private void initialize() {
        receptionButton.setDisable(!viewModel.allows(Mode.RECEPTION));
        doctorButton.setDisable(!viewModel.allows(Mode.DOCTOR));
        kioskButton.setDisable(!viewModel.allows(Mode.KIOSK));
        displayButton.setDisable(!viewModel.allows(Mode.DISPLAY));
        // only admins see the management screens at all: a greyed tile would only tease the others
        adminButton.setVisible(viewModel.allows(Mode.ADMIN));
        adminButton.setManaged(adminButton.isVisible());
    }

    @FXML
    private void openReception() {
        viewModel.choose(Mode.RECEPTION);
    }

    @FXML
    private void openDoctor() {
        viewModel.choose(Mode.DOCTOR);
    }

    @FXML
    private void openKiosk() {
        viewModel.choose(Mode.KIOSK);
    }

    @FXML
    private void openDisplay() {
        viewModel.choose(Mode.DISPLAY);
    }

    @FXML
    private void openAdmin() {
        viewModel.choose(Mode.ADMIN);
    }
}
