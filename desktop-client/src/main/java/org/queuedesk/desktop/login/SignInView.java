package org.queuedesk.desktop.login;

import java.util.ResourceBundle;
import javafx.application.Platform;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import org.queuedesk.desktop.ground.ControllerFactory;
import org.queuedesk.desktop.ground.ViewBindings;
import org.queuedesk.desktop.ground.Fxml;

/** Controller for {@code SignIn.fxml}: binds, and delegates each action to the view-model in one line. */
public final class SignInView {

    private final SignInViewModel viewModel;

    @FXML private TextField serverField;
    @FXML private Label serverError;
    @FXML private TextField usernameField;
    @FXML private Label usernameError;
    @FXML private PasswordField passwordField;
    @FXML private Label passwordError;
    @FXML private Label newPasswordLabel;
    @FXML private PasswordField newPasswordField;
    @FXML private Button signInButton;

    public SignInView(SignInViewModel viewModel) {
        this.viewModel = viewModel;
    }

    public static Parent load(SignInViewModel viewModel, ResourceBundle messages) {
        return Fxml.load(SignInView.class, "SignIn.fxml", messages,
                new ControllerFactory().register(SignInView.class, () -> new SignInView(viewModel)));
    }

    @FXML
    private void initialize() {
        serverField.textProperty().bindBidirectional(viewModel.serverAddressProperty());
        usernameField.textProperty().bindBidirectional(viewModel.usernameProperty());
        passwordField.textProperty().bindBidirectional(viewModel.passwordProperty());
        ViewBindings.message(serverError, viewModel.serverErrorProperty());
        ViewBindings.message(usernameError, viewModel.usernameErrorProperty());
        ViewBindings.message(passwordError, viewModel.passwordErrorProperty());
        newPasswordField.textProperty().bindBidirectional(viewModel.newPasswordProperty());
        for (var node : new javafx.scene.Node[] {newPasswordLabel, newPasswordField}) {
            node.visibleProperty().bind(viewModel.newPasswordRequiredProperty());
            node.managedProperty().bind(node.visibleProperty());
        }
        signInButton.disableProperty().bind(viewModel.canSignInProperty().not());
        Platform.runLater(usernameField::requestFocus);
    }


    @FXML
    private void signIn() {
        viewModel.signIn();
    }
}
