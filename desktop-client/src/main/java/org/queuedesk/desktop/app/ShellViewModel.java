package org.queuedesk.desktop.app;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/** The frame around every screen: connection banner, who is signed in, change mode, sign out. */
public final class ShellViewModel {

    private final ConnectionViewModel connection;
    private final StringProperty userText = new SimpleStringProperty(this, "userText", "");
    private final StringProperty screenTitle = new SimpleStringProperty(this, "screenTitle", "");
    private final BooleanProperty signedIn = new SimpleBooleanProperty(this, "signedIn", false);
    private final BooleanProperty canChangeMode = new SimpleBooleanProperty(this, "canChangeMode", false);
    private Runnable onSignOut = () -> { };
    private Runnable onChangeMode = () -> { };

    public ShellViewModel(ConnectionViewModel connection) {
        this.connection = connection;
    }

    public void signOut() {
        onSignOut.run();
    }

    public void changeMode() {
        onChangeMode.run();
    }

    void setActions(Runnable signOut, Runnable changeMode) {
        this.onSignOut = signOut;
        this.onChangeMode = changeMode;
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

    public BooleanProperty canChangeModeProperty() {
        return canChangeMode;
    }
}
