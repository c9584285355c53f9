package org.queuedesk.desktop.app;

import java.util.ResourceBundle;
import javafx.css.PseudoClass;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;

/** Controller for {@code Shell.fxml}: the frame; the current screen goes into {@link #show}. */
public final class ShellView {

    private static final PseudoClass REACHABLE = PseudoClass.getPseudoClass("reachable");

    private final ShellViewModel viewModel;

    @FXML private Label banner;
    @FXML private Label screenTitle;
    @FXML private Label userLabel;
    @FXML private Button changeModeButton;
    @FXML private Button signOutButton;
    @FXML private StackPane content;
    @FXML private Region statusDot;
    @FXML private Label statusLabel;

    public ShellView(ShellViewModel viewModel) {
        this.viewModel = viewModel;
    }

    /** Loads the frame; returns its controller, whose {@link #root()} goes into the scene. */
    public static ShellView load(ShellViewModel viewModel, ResourceBundle messages) {
        ShellView view = new ShellView(viewModel);
        view.root = Fxml.load(ShellView.class, "Shell.fxml", messages,
                new ControllerFactory().register(ShellView.class, () -> view));
        return view;
    }

    private Parent root;

    public Parent root() {
        return root;
    }

    public void show(Node screen) {
        content.getChildren().setAll(screen);
    }

    @FXML
    private void initialize() {
        var connection = viewModel.connection();
        banner.visibleProperty().bind(connection.bannerVisibleProperty());
        banner.managedProperty().bind(banner.visibleProperty());
        screenTitle.textProperty().bind(viewModel.screenTitleProperty());
        userLabel.textProperty().bind(viewModel.userTextProperty());
        changeModeButton.visibleProperty().bind(viewModel.canChangeModeProperty());
        changeModeButton.managedProperty().bind(changeModeButton.visibleProperty());
        signOutButton.visibleProperty().bind(viewModel.signedInProperty());
        signOutButton.managedProperty().bind(signOutButton.visibleProperty());
        statusLabel.textProperty().bind(connection.statusTextProperty());
        statusDot.pseudoClassStateChanged(REACHABLE, connection.isServerReachable());
        connection.serverReachableProperty().addListener(
                (observable, before, now) -> statusDot.pseudoClassStateChanged(REACHABLE, now));
    }

    @FXML
    private void signOut() {
        viewModel.signOut();
    }

    @FXML
    private void changeMode() {
        viewModel.changeMode();
    }
}
