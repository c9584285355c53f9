package org.queuedesk.desktop.admin;

import static org.queuedesk.desktop.admin.FormLayout.button;
import static org.queuedesk.desktop.admin.FormLayout.buttons;
import static org.queuedesk.desktop.admin.FormLayout.column;

import java.util.ResourceBundle;
import javafx.beans.binding.Bindings;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TableView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.queuedesk.common.auth.UserDto;

/** The staff users screen. */
final class UsersView {

    private UsersView() {
    }

    static Node build(UsersViewModel vm, ResourceBundle messages) {
        TableView<UserDto> table = FormLayout.table("usersTable");
        table.getColumns().setAll(
                column("admin.users.username", messages, UserDto::username),
                column("admin.users.roles", messages, vm::rolesText),
                column("admin.users.state", messages, vm::stateText));
        table.setItems(vm.users());
        table.getSelectionModel().selectedItemProperty().addListener((o, b, now) -> {
            if (now != null) {
                vm.selectedProperty().set(now);
            }
        });
        vm.selectedProperty().addListener((o, b, now) -> {
            if (now != null && table.getSelectionModel().getSelectedItem() != now) {
                table.getSelectionModel().select(now);
            }
        });
        VBox listed = new VBox(8, table, FormLayout.status(vm.listForm(), "usersList"));
        VBox.setVgrow(table, javafx.scene.layout.Priority.ALWAYS);

        FormState create = vm.createForm();
        FormLayout newUser = new FormLayout(messages, "admin.users.new");
        newUser.text("username", "admin.users.username", vm.username, create.errorProperty("username"));
        PasswordField password = new PasswordField();
        password.setId("password");
        password.textProperty().bindBidirectional(vm.password);
        newUser.field("admin.users.password", password, create.errorProperty("password"));
        CheckBox admin = check("roleAdmin", "admin.role.admin", messages, vm.admin);
        CheckBox reception = check("roleReceptionist", "admin.role.receptionist", messages, vm.receptionist);
        CheckBox doctor = check("roleDoctor", "admin.role.doctor", messages, vm.doctor);
        HBox roles = new HBox(12, admin, reception, doctor);
        roles.setId("roles");
        newUser.field("admin.users.roles", roles, create.errorProperty("roles"));
        Button createButton = button("createUserButton", "admin.users.create", messages, vm::create);
        createButton.getStyleClass().add("primary");
        newUser.add(buttons(createButton)).add(FormLayout.status(create, "createUser"));

        FormState reset = vm.resetForm();
        FormLayout chosen = new FormLayout(messages, "admin.users.chosen");
        chosen.titleNaming(vm.selectedProperty(), UserDto::username);
        PasswordField newPassword = new PasswordField();
        newPassword.setId("newPassword");
        newPassword.textProperty().bindBidirectional(vm.newPassword);
        chosen.field("admin.users.newPassword", newPassword, reset.errorProperty("password"));
        Button resetButton = button("resetPasswordButton", "admin.users.resetPassword", messages, vm::resetPassword);
        Button toggle = button("toggleDisabledButton", "admin.users.disable", messages, vm::toggleDisabled);
        toggle.textProperty().bind(Bindings.createStringBinding(() -> messages.getString(
                vm.selectedProperty().get() != null && vm.selectedProperty().get().disabled()
                        ? "admin.users.enable" : "admin.users.disable"), vm.selectedProperty()));
        toggle.visibleProperty().bind(vm.confirmingDisableProperty().not());
        toggle.managedProperty().bind(toggle.visibleProperty());
        Label ask = new Label();
        ask.setId("disableQuestion");
        ask.setWrapText(true);
        ask.textProperty().bind(Bindings.createStringBinding(() -> vm.selectedProperty().get() == null ? ""
                : java.text.MessageFormat.format(messages.getString("admin.users.disableQuestion"),
                        vm.selectedProperty().get().username()), vm.selectedProperty()));
        Button confirm = button("confirmDisableButton", "admin.users.disable", messages, vm::confirmDisable);
        confirm.getStyleClass().add("danger");
        Button keep = button("keepEnabledButton", "admin.cancel", messages, vm::cancelDisable);
        VBox question = new VBox(6, ask, buttons(confirm, keep));
        question.setId("disableConfirm");
        question.visibleProperty().bind(vm.confirmingDisableProperty());
        question.managedProperty().bind(question.visibleProperty());
        keep.cancelButtonProperty().bind(question.visibleProperty());
        vm.confirmingDisableProperty().addListener((o, b, now) -> {
            if (now) {
                keep.requestFocus(); // a stray Enter or Space keeps the user enabled
            }
        });
        chosen.add(buttons(resetButton, toggle)).add(question).add(FormLayout.status(reset, "resetPassword"));
        chosen.card().disableProperty().bind(FormLayout.isNull(vm.selectedProperty()));
        FormLayout.escapeCancels(chosen.card(), vm.confirmingDisableProperty(), vm::cancelDisable);
        return FormLayout.page(listed, newUser.card(), chosen.card());
    }

    private static CheckBox check(String id, String key, ResourceBundle messages,
                                  javafx.beans.property.BooleanProperty value) {
        CheckBox box = new CheckBox(messages.getString(key));
        box.setId(id);
        box.selectedProperty().bindBidirectional(value);
        return box;
    }
}
