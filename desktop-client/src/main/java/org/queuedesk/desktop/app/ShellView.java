package org.queuedesk.desktop.app;

import org.queuedesk.desktop.live.ConnectionViewModel;
import java.util.ResourceBundle;
import javafx.css.PseudoClass;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import org.queuedesk.desktop.ground.ControllerFactory;
import org.queuedesk.desktop.ground.Fxml;

/** Controller for {@code Shell.fxml}: the frame; the current screen goes into {@link #show}. */
public final class ShellView {

    private static final PseudoClass REACHABLE = PseudoClass.getPseudoClass("reachable");
    /** The header while it carries the connection banner: red, its texts white. */
    private static final PseudoClass OUTAGE = PseudoClass.getPseudoClass("outage");

    private final ShellViewModel viewModel;

    @FXML private HBox header;
    @FXML private HBox bannerBar;
    @FXML private Region headerGap;
    @FXML private Label banner;
    @FXML private Button signInAgainButton;
    @FXML private HBox signOutConfirm;
    @FXML private Button staySignedInButton;
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
        bannerBar.visibleProperty().bind(connection.bannerVisibleProperty());
        bannerBar.managedProperty().bind(bannerBar.visibleProperty());
        headerGap.visibleProperty().bind(bannerBar.visibleProperty().not());
        headerGap.managedProperty().bind(headerGap.visibleProperty());
        bannerBar.visibleProperty().addListener((o, before, now) -> header.pseudoClassStateChanged(OUTAGE, now));
        header.pseudoClassStateChanged(OUTAGE, bannerBar.isVisible());
        banner.visibleProperty().bind(connection.bannerVisibleProperty());
        banner.textProperty().bind(connection.bannerTextProperty());
        signInAgainButton.visibleProperty().bind(connection.stateProperty().isEqualTo(ConnectionViewModel.State.SIGN_IN_ENDED));
        signInAgainButton.managedProperty().bind(signInAgainButton.visibleProperty());
        screenTitle.textProperty().bind(viewModel.screenTitleProperty());
        userLabel.textProperty().bind(viewModel.userTextProperty());
        changeModeButton.visibleProperty().bind(viewModel.canChangeModeProperty());
        changeModeButton.managedProperty().bind(changeModeButton.visibleProperty());
        signOutButton.visibleProperty().bind(viewModel.signedInProperty().and(viewModel.confirmingSignOutProperty().not()));
        signOutButton.managedProperty().bind(signOutButton.visibleProperty());
        signOutConfirm.visibleProperty().bind(viewModel.signedInProperty().and(viewModel.confirmingSignOutProperty()));
        signOutConfirm.managedProperty().bind(signOutConfirm.visibleProperty());
        staySignedInButton.cancelButtonProperty().bind(signOutConfirm.visibleProperty());
        // the question takes the focus on "Stay signed in", so a stray Space or Enter keeps the user in;
        // answered, the focus goes back where it was
        signOutConfirm.visibleProperty().addListener((o, before, now) -> {
            var scene = signOutConfirm.getScene();
            if (now) {
                focusBefore = scene == null ? null : scene.getFocusOwner();
                staySignedInButton.requestFocus();
            } else if (focusBefore != null && focusBefore.getScene() == scene && !focusBefore.isDisabled()) {
                focusBefore.requestFocus();
                focusBefore = null;
            }
        });
        statusLabel.textProperty().bind(connection.statusTextProperty());
        // green only when everything this window needs is working: the same state the banner shows
        connection.stateProperty().addListener((observable, before, now) -> showReachable(now));
        showReachable(connection.getState());
    }

    private Node focusBefore;

    private void showReachable(ConnectionViewModel.State state) {
        statusDot.pseudoClassStateChanged(REACHABLE,
                state == ConnectionViewModel.State.CONNECTED || state == ConnectionViewModel.State.STARTING);
    }

    @FXML
    private void signOut() {
        viewModel.requestSignOut();
    }

    @FXML
    private void confirmSignOut() {
        viewModel.confirmSignOut();
    }

    @FXML
    private void cancelSignOut() {
        viewModel.cancelSignOut();
    }

    @FXML
    private void signInAgain() {
        viewModel.signInAgain();
    }

    @FXML
    private void changeMode() {
        viewModel.changeMode();
    }
}
