package org.queuedesk.desktop.admin;

import static org.queuedesk.desktop.admin.FormLayout.button;
import static org.queuedesk.desktop.admin.FormLayout.buttons;
import static org.queuedesk.desktop.admin.FormLayout.column;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ResourceBundle;
import javafx.beans.binding.Bindings;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.image.ImageView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.queuedesk.common.auth.DeviceDto;

/** The devices screen: the list, registering one (its token once, with a QR code), revoking one. */
final class DevicesView {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.SHORT);

    private DevicesView() {
    }

    static Node build(DevicesViewModel vm, ResourceBundle messages) {
        DateTimeFormatter when = WHEN.withLocale(messages.getLocale()).withZone(ZoneId.systemDefault());
        TableView<DeviceDto> table = FormLayout.table("devicesTable");
        table.getColumns().setAll(
                column("admin.field.name", messages, DeviceDto::name),
                column("admin.devices.kind", messages, vm::kindText),
                column("admin.devices.created", messages, d -> when.format(d.createdAt())),
                column("admin.devices.revokedAt", messages, d -> d.revokedAt() == null ? "\u2014" : when.format(d.revokedAt())));
        table.setItems(vm.devices());
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
        Button revoke = button("revokeButton", "admin.devices.revoke", messages, vm::revoke);
        revoke.disableProperty().bind(Bindings.createBooleanBinding(() -> vm.selectedProperty().get() == null
                || vm.selectedProperty().get().revokedAt() != null, vm.selectedProperty()));
        revoke.visibleProperty().bind(vm.confirmingRevokeProperty().not());
        revoke.managedProperty().bind(revoke.visibleProperty());
        Label ask = new Label();
        ask.setId("revokeQuestion");
        ask.textProperty().bind(Bindings.createStringBinding(() -> vm.selectedProperty().get() == null ? ""
                : java.text.MessageFormat.format(messages.getString("admin.devices.revokeQuestion"),
                        vm.selectedProperty().get().name()), vm.selectedProperty()));
        Button confirm = button("confirmRevokeButton", "admin.devices.revoke", messages, vm::confirmRevoke);
        confirm.getStyleClass().add("danger");
        Button keep = button("keepDeviceButton", "admin.cancel", messages, vm::cancelRevoke);
        var question = buttons(ask, confirm, keep);
        question.setId("revokeConfirm");
        question.visibleProperty().bind(vm.confirmingRevokeProperty());
        question.managedProperty().bind(question.visibleProperty());
        keep.cancelButtonProperty().bind(question.visibleProperty());
        vm.confirmingRevokeProperty().addListener((o, b, now) -> {
            if (now) {
                keep.requestFocus();
            }
        });
        VBox listed = new VBox(8, table, buttons(revoke), question, FormLayout.status(vm.listForm(), "devicesList"));
        FormLayout.escapeCancels(listed, vm.confirmingRevokeProperty(), vm::cancelRevoke);
        VBox.setVgrow(table, javafx.scene.layout.Priority.ALWAYS);

        FormState register = vm.registerForm();
        FormLayout newDevice = new FormLayout(messages, "admin.devices.new");
        newDevice.text("deviceName", "admin.field.name", vm.name, register.errorProperty("name"));
        ComboBox<String> kind = new ComboBox<>();
        kind.setId("deviceKind");
        kind.getItems().setAll(DevicesViewModel.KIOSK, DevicesViewModel.DISPLAY);
        kind.setConverter(new StringConverter<>() {
            @Override
            public String toString(String value) {
                return value == null ? "" : messages.getString("admin.devices.kind." + value);
            }

            @Override
            public String fromString(String text) {
                return null;
            }
        });
        kind.valueProperty().bindBidirectional(vm.kind);
        newDevice.field("admin.devices.kind", kind, register.errorProperty("kind"));
        Button registerButton = button("registerDeviceButton", "admin.devices.register", messages, vm::register);
        registerButton.getStyleClass().add("primary");
        Label siteProblem = FormLayout.errorLabel(register.errorProperty("siteId"));
        newDevice.add(siteProblem).add(buttons(registerButton)).add(FormLayout.status(register, "registerDevice"));

        // the token, once: as text to copy and as a QR code to scan at the device
        Label title = new Label();
        title.getStyleClass().add("card-title");
        title.textProperty().bind(vm.tokenForProperty());
        Label once = new Label(messages.getString("admin.devices.tokenOnce"));
        once.setWrapText(true);
        TextField token = new TextField();
        token.setId("deviceToken");
        token.setEditable(false);
        token.textProperty().bind(vm.tokenProperty());
        ImageView qr = new ImageView();
        qr.setId("deviceTokenQr");
        qr.setSmooth(false);
        vm.tokenProperty().addListener((o, b, now) -> qr.setImage(now.isEmpty() ? null : TokenQrCode.of(now, 4)));
        Button done = button("dismissTokenButton", "admin.devices.tokenDone", messages, vm::dismissToken);
        VBox words = new VBox(10, once, token, buttons(done));
        HBox.setHgrow(words, javafx.scene.layout.Priority.ALWAYS);
        VBox shown = new VBox(10, title, new javafx.scene.layout.HBox(12, qr, words));
        shown.setId("deviceTokenCard");
        shown.getStyleClass().add("card");
        shown.visibleProperty().bind(vm.tokenProperty().isNotEmpty());
        shown.managedProperty().bind(shown.visibleProperty());
        vm.tokenProperty().addListener((o, b, now) -> {
            if (!now.isEmpty()) {
                token.requestFocus();
                token.selectAll();
            }
        });
        return FormLayout.page(listed, shown, newDevice.card());
    }
}
