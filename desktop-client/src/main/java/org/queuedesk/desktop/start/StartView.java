package org.queuedesk.desktop.start;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ResourceBundle;
import javafx.css.PseudoClass;
import javafx.fxml.FXML;
import javafx.fxml.FXMLLoader;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.Region;
import org.queuedesk.desktop.app.ControllerFactory;
import org.queuedesk.desktop.app.Mode;

/** Controller for {@code Start.fxml}: binds, and delegates each action to the view-model in one line. */
public final class StartView {

    private static final PseudoClass REACHABLE = PseudoClass.getPseudoClass("reachable");

    private final StartViewModel viewModel;

    @FXML private Label banner;
    @FXML private TextField serverField;
    @FXML private Button connectButton;
    @FXML private Label addressError;
    @FXML private Node modePicker;
    @FXML private Node modePlaceholder;
    @FXML private Label placeholderTitle;
    @FXML private Label placeholderText;
    @FXML private Region statusDot;
    @FXML private Label statusLabel;

    public StartView(StartViewModel viewModel) {
        this.viewModel = viewModel;
    }

    /** Loads the start screen with its controller built around {@code viewModel}. */
    public static Parent load(StartViewModel viewModel, ResourceBundle messages) {
        FXMLLoader loader = new FXMLLoader(StartView.class.getResource("Start.fxml"), messages);
        loader.setControllerFactory(new ControllerFactory().register(StartView.class, () -> new StartView(viewModel)));
        try {
            return loader.load();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot load Start.fxml", e);
        }
    }

    @FXML
    private void initialize() {
        var connection = viewModel.connection();
        banner.visibleProperty().bind(connection.bannerVisibleProperty());
        banner.managedProperty().bind(banner.visibleProperty());

        serverField.textProperty().bindBidirectional(viewModel.serverAddressProperty());
        connectButton.disableProperty().bind(viewModel.addressValidProperty().not());
        addressError.textProperty().bind(viewModel.addressErrorProperty());
        addressError.visibleProperty().bind(viewModel.addressValidProperty().not());
        addressError.managedProperty().bind(addressError.visibleProperty());

        modePicker.visibleProperty().bind(viewModel.modeChosenProperty().not());
        modePicker.managedProperty().bind(modePicker.visibleProperty());
        modePlaceholder.visibleProperty().bind(viewModel.modeChosenProperty());
        modePlaceholder.managedProperty().bind(modePlaceholder.visibleProperty());
        placeholderTitle.textProperty().bind(viewModel.placeholderTitleProperty());
        placeholderText.textProperty().bind(viewModel.placeholderTextProperty());

        statusLabel.textProperty().bind(connection.statusTextProperty());
        statusDot.pseudoClassStateChanged(REACHABLE, connection.isServerReachable());
        connection.serverReachableProperty().addListener(
                (observable, before, now) -> statusDot.pseudoClassStateChanged(REACHABLE, now));
    }

    @FXML
    private void connect() {
        viewModel.connect();
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
    private void back() {
        viewModel.backToModes();
    }
}
