package org.queuedesk.desktop.app;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.queuedesk.desktop.live.ConnectionViewModel;

/**
 * The frame around every screen: connection banner, who is signed in, change mode, sign out. Signing out
 * asks first (a stray key or click must never end a doctor's day), and "Sign in again" ends a sign-in the
 * server already ended and comes back to the same desk.
 */
public final class ShellViewModel {

    private final ConnectionViewModel connection;
    private final StringProperty userText = new SimpleStringProperty(this, "userText", "");
    private final StringProperty screenTitle = new SimpleStringProperty(this, "screenTitle", "");
    private final BooleanProperty signedIn = new SimpleBooleanProperty(this, "signedIn", false);
    private final BooleanProperty canChangeMode = new SimpleBooleanProperty(this, "canChangeMode", false);
    private final BooleanProperty confirmingSignOut = new SimpleBooleanProperty(this, "confirmingSignOut", false);
    private Runnable onSignOut = () -> { };
    private Runnable onChangeMode = () -> { };
    private Runnable onSignInAgain = () -> { };

    public ShellViewModel(ConnectionViewModel connection) {
        this.connection = connection;
    }

    /** Sign out pressed: ask first. */
    public void requestSignOut() {
        if (signedIn.get()) {
            confirmingSignOut.set(true);
        }
    }

    public void confirmSignOut() {
        if (confirmingSignOut.get()) {
            confirmingSignOut.set(false);
            onSignOut.run();
        }
    }

    public void cancelSignOut() {
        confirmingSignOut.set(false);
    }

    /** The server ended the sign-in: to the sign-in screen, then back to the same desk. */
    public void signInAgain() {
        confirmingSignOut.set(false);
        onSignInAgain.run();
    }

    public void changeMode() {
        onChangeMode.run();
    }

    void setActions(Runnable signOut, Runnable changeMode, Runnable signInAgain) {
        this.onSignOut = signOut;
        this.onChangeMode = changeMode;
        this.onSignInAgain = signInAgain;
    }

    public ConnectionViewModel connection() {
        return connection;
    }

    public StringProperty userTextProperty() {
        return userText;
    }

    public StringProperty screenTitleProperty() {
        return screenTitle;
    }

    public BooleanProperty signedInProperty() {
        return signedIn;
    }

    public BooleanProperty confirmingSignOutProperty() {
        return confirmingSignOut;
    }

    public BooleanProperty canChangeModeProperty() {
        return canChangeMode;
    }
}
