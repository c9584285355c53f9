package org.queuedesk.desktop.admin;

import static org.queuedesk.desktop.admin.FormLayout.button;
import static org.queuedesk.desktop.admin.FormLayout.buttons;
import static org.queuedesk.desktop.admin.FormLayout.column;
import static org.queuedesk.desktop.admin.FormLayout.orDash;

import java.util.ResourceBundle;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TableView;
import javafx.scene.layout.VBox;
import org.queuedesk.common.site.ServiceDto;

/** The services screen: binds and delegates; the view-model holds the state. */
final class ServicesView {

    private ServicesView() {
    }

    static Node build(ServicesViewModel vm, ResourceBundle messages) {
        TableView<ServiceDto> table = FormLayout.table("servicesTable");
        table.getColumns().setAll(
                column("admin.services.prefix", messages, ServiceDto::prefix),
                column("admin.field.name", messages, ServiceDto::name),
                column("admin.field.nameEs", messages, s -> orDash(s.names().get("es"))),
                column("admin.field.nameAr", messages, s -> orDash(s.names().get("ar"))),
                column("admin.services.almostTurn", messages, s -> String.valueOf(s.almostTurnPosition())));
        table.setItems(vm.services());
        table.getSelectionModel().selectedItemProperty().addListener((o, b, now) -> vm.selectedProperty().set(now));
        vm.selectedProperty().addListener((o, b, now) -> {
            if (now != table.getSelectionModel().getSelectedItem()) {
                table.getSelectionModel().select(now);
            }
        });
        VBox listed = new VBox(8, table, FormLayout.status(vm.listForm(), "servicesList"));
        VBox.setVgrow(table, javafx.scene.layout.Priority.ALWAYS);

        FormState create = vm.createForm();
        FormLayout newService = new FormLayout(messages, "admin.services.new");
        newService.text("serviceName", "admin.field.name", vm.name, create.errorProperty("name"));
        newService.text("servicePrefix", "admin.services.prefix", vm.prefix, create.errorProperty("prefix"));
        newService.text("serviceAlmostTurn", "admin.services.almostTurn", vm.almostTurn,
                create.errorProperty("almostTurnPosition"));
        newService.text("serviceNameEs", "admin.field.nameEs", vm.names.spanish, null);
        newService.text("serviceNameAr", "admin.field.nameAr", vm.names.arabic, create.errorProperty("names"));
        Button createButton = button("createServiceButton", "admin.services.create", messages, vm::create);
        createButton.getStyleClass().add("primary");
        newService.add(buttons(createButton)).add(FormLayout.status(create, "createService"));

        FormState edit = vm.editForm();
        FormLayout chosen = new FormLayout(messages, "admin.services.chosen")
                .titleNaming(vm.selectedProperty(), s -> s.prefix() + " " + s.name());
        chosen.text("editPrefix", "admin.services.prefix", vm.editPrefix, edit.errorProperty("prefix"));
        chosen.text("editAlmostTurn", "admin.services.almostTurn", vm.editAlmostTurn,
                edit.errorProperty("almostTurnPosition"));
        chosen.text("editNameEs", "admin.field.nameEs", vm.editNames.spanish, null);
        chosen.text("editNameAr", "admin.field.nameAr", vm.editNames.arabic, edit.errorProperty("names"));
        chosen.text("defaultMinutes", "admin.services.defaultMinutes", vm.defaultMinutes, edit.errorProperty("minutes"));
        CheckBox open = new CheckBox(messages.getString("admin.services.remoteOpen"));
        open.setWrapText(true);
        open.setId("remoteOpen");
        open.selectedProperty().bindBidirectional(vm.remoteOpen);
        chosen.field("admin.services.remoteJoining", open, edit.errorProperty("open"));
        chosen.text("opensAt", "admin.services.opensAt", vm.opensAt, edit.errorProperty("opensAt"));
        chosen.text("closesAt", "admin.services.closesAt", vm.closesAt, edit.errorProperty("closesAt"));
        chosen.text("maxWaiting", "admin.services.maxWaiting", vm.maxWaiting, edit.errorProperty("maxWaiting"));
        Button save = button("saveServiceButton", "admin.save", messages, vm::saveChosen);
        save.disableProperty().bind(FormLayout.isNull(vm.selectedProperty()));
        chosen.add(buttons(save)).add(FormLayout.status(edit, "editService"));
        chosen.card().disableProperty().bind(FormLayout.isNull(vm.selectedProperty()));
        FormState sms = vm.textForm();
        FormLayout texts = new FormLayout(messages, "admin.services.texts");
        ComboBox<String> language = new ComboBox<>();
        language.setId("textLanguage");
        language.getItems().setAll("en", "es", "ar");
        language.setConverter(converter(code -> messages.getString("admin.language." + code)));
        language.valueProperty().bindBidirectional(vm.textLanguage);
        texts.field("admin.services.textLanguage", language, sms.errorProperty("language"));
        ComboBox<String> kind = new ComboBox<>(vm.textKinds());
        kind.setId("textKind");
        // a kind this desk has no words for yet (a newer server) shows as the server names it
        kind.setConverter(converter(code -> messages.containsKey("admin.services.kind." + code)
                ? messages.getString("admin.services.kind." + code) : code));
        kind.valueProperty().bindBidirectional(vm.textKind);
        texts.field("admin.services.textKind", kind, sms.errorProperty("kind"));
        TextArea body = new TextArea();
        body.setId("smsText");
        body.setWrapText(true);
        body.setPrefRowCount(3);
        body.textProperty().bindBidirectional(vm.text);
        texts.field("admin.services.text", body, sms.errorProperty("text"));
        Label placeholders = new Label(messages.getString("admin.services.placeholders"));
        placeholders.getStyleClass().add("muted");
        placeholders.setWrapText(true);
        Label isDefault = new Label(messages.getString("admin.services.isDefault"));
        isDefault.getStyleClass().add("muted");
        isDefault.visibleProperty().bind(vm.textIsDefaultProperty());
        isDefault.managedProperty().bind(isDefault.visibleProperty());
        Button saveText = button("saveTextButton", "admin.save", messages, vm::saveText);
        saveText.disableProperty().bind(FormLayout.isNull(vm.selectedProperty()));
        texts.add(placeholders).add(isDefault).add(buttons(saveText)).add(FormLayout.status(sms, "smsText"));
        texts.card().disableProperty().bind(FormLayout.isNull(vm.selectedProperty()));
        VBox chosenColumn = new VBox(12, chosen.card(), texts.card());
        return FormLayout.page(listed, newService.card(), chosenColumn);
    }

    private static javafx.util.StringConverter<String> converter(java.util.function.UnaryOperator<String> text) {
        return new javafx.util.StringConverter<>() {
            @Override
            public String toString(String value) {
                return value == null ? "" : text.apply(value);
            }

            @Override
            public String fromString(String typed) {
                return null;
            }
        };
    }
}
