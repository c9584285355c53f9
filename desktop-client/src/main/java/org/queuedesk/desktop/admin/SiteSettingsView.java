package org.queuedesk.desktop.admin;

import static org.queuedesk.desktop.admin.FormLayout.button;
import static org.queuedesk.desktop.admin.FormLayout.buttons;

import java.util.ResourceBundle;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

/** The site settings screen. */
final class SiteSettingsView {

    private SiteSettingsView() {
    }

    static Node build(SiteSettingsViewModel vm, ResourceBundle messages) {
        FormState form = vm.form();
        FormLayout settings = new FormLayout(messages, "admin.settings.title");
        settings.text("timeZone", "admin.settings.timeZone", vm.timeZone, form.errorProperty("timeZone"));
        settings.text("phoneRegion", "admin.settings.phoneRegion", vm.phoneRegion, form.errorProperty("phoneRegion"));
        ComboBox<String> language = new ComboBox<>();
        language.setId("smsLanguage");
        language.getItems().setAll(SiteSettingsViewModel.LANGUAGES);
        language.setConverter(new StringConverter<>() {
            @Override
            public String toString(String value) {
                return value == null || value.isEmpty() ? messages.getString("admin.settings.languageDefault")
                        : messages.getString("admin.language." + value);
            }

            @Override
            public String fromString(String text) {
                return null;
            }
        });
        language.valueProperty().bindBidirectional(vm.language);
        settings.field("admin.settings.language", language, form.errorProperty("language"));
        settings.text("graceMinutes", "admin.settings.graceMinutes", vm.graceMinutes, form.errorProperty("graceMinutes"));
        settings.text("retentionDays", "admin.settings.retention", vm.retentionDays, form.errorProperty("retentionDays"));
        Label retention = new Label();
        retention.setId("retentionHint");
        retention.textProperty().bind(vm.retentionHintProperty());
        retention.getStyleClass().add("muted");
        retention.setWrapText(true);
        retention.managedProperty().bind(retention.textProperty().isNotEmpty());
        Button save = button("saveSettingsButton", "admin.save", messages, vm::save);
        save.getStyleClass().add("primary");
        save.setDefaultButton(true);
        settings.add(retention).add(buttons(save)).add(FormLayout.status(form, "settings"));
        VBox page = new VBox(settings.card());
        page.setMaxWidth(720);
        return page;
    }
}
