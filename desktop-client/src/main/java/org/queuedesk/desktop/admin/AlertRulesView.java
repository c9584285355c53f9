package org.queuedesk.desktop.admin;

import static org.queuedesk.desktop.admin.FormLayout.button;
import static org.queuedesk.desktop.admin.FormLayout.buttons;

import java.util.ResourceBundle;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.queuedesk.common.alert.AlertRule;
import org.queuedesk.common.alert.AlertTier;

/** The alert thresholds screen: what they apply to, then one row per rule with its three tiers. */
final class AlertRulesView {

    private AlertRulesView() {
    }

    static Node build(AlertRulesViewModel vm, ResourceBundle messages) {
        FormState form = vm.form();
        FormLayout rules = new FormLayout(messages, "admin.alerts.title");
        ComboBox<AlertRulesViewModel.Scope> scope = new ComboBox<>(vm.scopes());
        scope.setId("alertScope");
        scope.setConverter(new StringConverter<>() {
            @Override
            public String toString(AlertRulesViewModel.Scope value) {
                return value == null ? "" : value.name();
            }

            @Override
            public AlertRulesViewModel.Scope fromString(String text) {
                return null;
            }
        });
        scope.valueProperty().bindBidirectional(vm.scope);
        rules.field("admin.alerts.scope", scope, null);
        Label hint = new Label(messages.getString("admin.alerts.hint"));
        hint.getStyleClass().add("muted");
        hint.setWrapText(true);
        hint.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        rules.field("admin.alerts.tiers", tierHeadings(messages), null);
        for (AlertRule rule : AlertRule.values()) {
            String field = AlertRulesViewModel.FIELDS.get(rule);
            HBox tiers = new HBox(8);
            tiers.setId("rule-" + field);
            for (AlertTier tier : AlertTier.values()) {
                TextField threshold = new TextField();
                threshold.setId(field + "-" + tier.wireName());
                threshold.setPrefColumnCount(5);
                threshold.setPromptText(messages.getString("admin.alerts.off"));
                threshold.textProperty().bindBidirectional(vm.threshold(rule, tier));
                threshold.setAccessibleText(messages.getString("admin.alerts.rule." + field) + ", "
                        + messages.getString("alert.tier." + tier.wireName()));
                HBox.setHgrow(threshold, Priority.ALWAYS);
                tiers.getChildren().add(threshold);
            }
            rules.field("admin.alerts.rule." + field, tiers, form.errorProperty(field));
        }
        rules.text("holdSeconds", "admin.alerts.holdSeconds", vm.holdSeconds, form.errorProperty("holdSeconds"));
        rules.text("smsMinFailures", "admin.alerts.smsMinFailures", vm.smsMinFailures,
                form.errorProperty("smsMinFailures"));
        Button save = button("saveAlertRulesButton", "admin.save", messages, vm::save);
        save.getStyleClass().add("primary");
        save.setDefaultButton(true);
        rules.add(hint).add(buttons(save)).add(FormLayout.status(form, "alertRules"));
        VBox card = rules.card();
        card.setMaxWidth(820);
        ScrollPane scroll = new ScrollPane(card);
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add("bare-scroll");
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        FormLayout.followFocus(scroll);
        VBox.setVgrow(scroll, Priority.ALWAYS);
        return new VBox(scroll);
    }

    private static HBox tierHeadings(ResourceBundle messages) {
        HBox headings = new HBox(8);
        for (AlertTier tier : AlertTier.values()) {
            Label name = new Label(messages.getString("alert.tier." + tier.wireName()));
            name.getStyleClass().add("field-label");
            name.setMaxWidth(Double.MAX_VALUE);
            name.setPrefWidth(10);
            HBox.setHgrow(name, Priority.ALWAYS);
            headings.getChildren().add(name);
        }
        return headings;
    }
}
