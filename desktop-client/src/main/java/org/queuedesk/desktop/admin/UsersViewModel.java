package org.queuedesk.desktop.admin;

import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.ResourceBundle;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.queuedesk.common.Role;
import org.queuedesk.common.auth.CreateUserRequest;
import org.queuedesk.common.auth.UserDto;
import org.queuedesk.desktop.api.QueueDeskClient;
import org.queuedesk.desktop.ground.BackgroundExecutor;

/**
 * Staff who sign in with the built-in provider: create one (username, first password, roles), reset the chosen
 * one's password (which also unlocks them), disable or enable them. Disabling ends their sign-ins at once on the
 * server, so it is asked first.
 */
public final class UsersViewModel {

    private final QueueDeskClient client;
    private final ResourceBundle messages;
    private final ObservableList<UserDto> users = FXCollections.observableArrayList();
    private final ObjectProperty<UserDto> selected = new SimpleObjectProperty<>(this, "selected");
    private final FormState list;
    final StringProperty username = new SimpleStringProperty(this, "username", "");
    final StringProperty password = new SimpleStringProperty(this, "password", "");
    final BooleanProperty admin = new SimpleBooleanProperty(this, "admin", false);
    final BooleanProperty receptionist = new SimpleBooleanProperty(this, "receptionist", false);
    final BooleanProperty doctor = new SimpleBooleanProperty(this, "doctor", false);
    private final FormState create;
    final StringProperty newPassword = new SimpleStringProperty(this, "newPassword", "");
    private final FormState reset;
    private final BooleanProperty confirmingDisable = new SimpleBooleanProperty(this, "confirmingDisable", false);

    public UsersViewModel(QueueDeskClient client, BackgroundExecutor background, ResourceBundle messages) {
        this.client = client;
        this.messages = messages;
        this.list = new FormState(background, messages);
        this.create = new FormState(background, messages, "username", "password", "roles");
        this.reset = new FormState(background, messages, "password");
        selected.addListener((o, before, now) -> {
            reset.clear();
            newPassword.set("");
            confirmingDisable.set(false);
        });
    }

    public void load() {
        list.run(client::users, users::setAll);
    }

    public void create() {
        List<Role> roles = new ArrayList<>();
        if (admin.get()) {
            roles.add(Role.ADMIN);
        }
        if (receptionist.get()) {
            roles.add(Role.RECEPTIONIST);
        }
        if (doctor.get()) {
            roles.add(Role.DOCTOR);
        }
        var request = new CreateUserRequest(username.get(), password.get(), roles);
        create.run(() -> client.createUser(request), created -> {
            users.add(created);
            create.succeeded(MessageFormat.format(messages.getString("admin.users.created"), created.username()));
            username.set("");
            password.set("");
            admin.set(false);
            receptionist.set(false);
            doctor.set(false);
        });
    }

    public void resetPassword() {
        UserDto user = selected.get();
        if (user == null) {
            return;
        }
        String typed = newPassword.get();
        reset.run(() -> client.resetPassword(user.username(), typed), changed -> {
            replace(changed);
            newPassword.set("");
            reset.succeeded(MessageFormat.format(messages.getString("admin.users.passwordReset"), changed.username()));
        });
    }

    /** Enable at once; disable only after {@link #confirmDisable}: it ends that person's sign-ins. */
    public void toggleDisabled() {
        UserDto user = selected.get();
        if (user == null) {
            return;
        }
        if (user.disabled()) {
            setDisabled(user, false);
        } else {
            confirmingDisable.set(true);
        }
    }

    public void confirmDisable() {
        UserDto user = selected.get();
        if (confirmingDisable.get() && user != null) {
            confirmingDisable.set(false);
            setDisabled(user, true);
        }
    }

    public void cancelDisable() {
        confirmingDisable.set(false);
    }

    private void setDisabled(UserDto user, boolean disabled) {
        list.run(() -> client.setUserDisabled(user.username(), disabled), changed -> {
            replace(changed);
            list.succeeded(MessageFormat.format(messages.getString(disabled ? "admin.users.disabled"
                    : "admin.users.enabled"), changed.username()));
        });
    }

    private void replace(UserDto changed) {
        users.replaceAll(u -> u.username().equals(changed.username()) ? changed : u);
        selected.set(changed);
    }

    /** How the table shows a user's roles, in the desk's language. */
    String rolesText(UserDto user) {
        return String.join(", ", user.roles().stream().map(r -> messages.getString("admin.role." + r.wireName())).toList());
    }

    String stateText(UserDto user) {
        return messages.getString(user.disabled() ? "admin.users.state.disabled"
                : user.locked() ? "admin.users.state.locked" : "admin.users.state.active");
    }

    public ObservableList<UserDto> users() {
        return users;
    }

    public ObjectProperty<UserDto> selectedProperty() {
        return selected;
    }

    public BooleanProperty confirmingDisableProperty() {
        return confirmingDisable;
    }

    FormState listForm() {
        return list;
    }

    FormState createForm() {
        return create;
    }

    FormState resetForm() {
        return reset;
    }
}
