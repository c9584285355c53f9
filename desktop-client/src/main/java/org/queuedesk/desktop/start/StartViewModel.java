package org.queuedesk.desktop.start;

import java.net.URI;
import java.text.MessageFormat;
import java.util.Optional;
import java.util.ResourceBundle;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.queuedesk.desktop.app.ConnectionViewModel;
import org.queuedesk.desktop.app.LaunchOptions;
import org.queuedesk.desktop.app.Mode;
import org.queuedesk.desktop.app.ServerAddress;

/** The start screen: which server to use and how this computer is used. Never sees a control. */
public final class StartViewModel {

    private final ConnectionViewModel connection;
    private final ResourceBundle messages;

    private final StringProperty serverAddress = new SimpleStringProperty(this, "serverAddress", LaunchOptions.DEFAULT_SERVER);
    private final ObjectProperty<Mode> mode = new SimpleObjectProperty<>(this, "mode");
    private final ReadOnlyStringWrapper placeholderTitle = new ReadOnlyStringWrapper(this, "placeholderTitle", "");
    private final ReadOnlyStringWrapper placeholderText = new ReadOnlyStringWrapper(this, "placeholderText", "");
    private final StringBinding addressError;
    private final BooleanBinding addressValid;
    private final BooleanBinding modeChosen;

    public StartViewModel(ConnectionViewModel connection, ResourceBundle messages) {
        this.connection = connection;
        this.messages = messages;
        this.addressError = Bindings.createStringBinding(
                () -> ServerAddress.problem(serverAddress.get()).map(p -> messages.getString(p.messageKey())).orElse(""),
                serverAddress);
        this.addressValid = addressError.isEmpty();
        this.modeChosen = mode.isNotNull();
        mode.addListener((observable, before, now) -> describe(now));
    }

    /** Watches the typed address; does nothing while it is invalid (the view shows why). */
    public void connect() {
        Optional<URI> address = ServerAddress.parse(serverAddress.get());
        address.ifPresent(connection::connect);
    }

    public void choose(Mode chosen) {
        mode.set(chosen);
    }

    public void backToModes() {
        mode.set(null);
    }

    private void describe(Mode chosen) {
        if (chosen == null) {
            placeholderTitle.set("");
            placeholderText.set("");
            return;
        }
        String title = messages.getString(chosen.messageKey());
        placeholderTitle.set(title);
        placeholderText.set(new MessageFormat(messages.getString("mode.comingSoon"), messages.getLocale())
                .format(new Object[] {title}));
    }

    public ConnectionViewModel connection() {
        return connection;
    }

    public StringProperty serverAddressProperty() {
        return serverAddress;
    }

    public StringBinding addressErrorProperty() {
        return addressError;
    }

    public BooleanBinding addressValidProperty() {
        return addressValid;
    }

    public ReadOnlyObjectProperty<Mode> modeProperty() {
        return mode;
    }

    public BooleanBinding modeChosenProperty() {
        return modeChosen;
    }

    public ReadOnlyStringProperty placeholderTitleProperty() {
        return placeholderTitle.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty placeholderTextProperty() {
        return placeholderText.getReadOnlyProperty();
    }
}
