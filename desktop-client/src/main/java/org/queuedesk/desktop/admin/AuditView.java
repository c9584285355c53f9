package org.queuedesk.desktop.admin;

import static org.queuedesk.desktop.admin.FormLayout.button;
import static org.queuedesk.desktop.admin.FormLayout.column;

import java.time.format.DateTimeFormatter;
import java.util.ResourceBundle;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.queuedesk.desktop.api.AuditEntry;

/** The audit log screen: the server's filters over the table, and More for older entries. */
final class AuditView {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private AuditView() {
    }

    static Node build(AuditViewModel vm, ResourceBundle messages) {
        TableView<AuditEntry> table = FormLayout.table("auditTable");
        table.getColumns().setAll(
                column("admin.audit.when", messages, e -> WHEN.withZone(vm.zone()).format(e.at())),
                column("admin.audit.who", messages, AuditEntry::actor),
                column("admin.audit.what", messages, AuditEntry::action),
                column("admin.audit.subject", messages, e -> FormLayout.orDash(e.subject())),
                column("admin.audit.detail", messages, e -> FormLayout.orDash(e.detail())));
        table.getColumns().get(0).setPrefWidth(160);
        table.getColumns().get(4).setPrefWidth(360);
        table.setItems(vm.entries());
        TextField who = filter("auditWho", "admin.audit.who", messages);
        who.textProperty().bindBidirectional(vm.who);
        TextField what = filter("auditWhat", "admin.audit.what", messages);
        what.textProperty().bindBidirectional(vm.what);
        DatePicker from = new DatePicker();
        from.setId("auditFrom");
        from.setPromptText(messages.getString("admin.audit.from"));
        from.valueProperty().bindBidirectional(vm.from);
        DatePicker to = new DatePicker();
        to.setId("auditTo");
        to.setPromptText(messages.getString("admin.audit.to"));
        to.valueProperty().bindBidirectional(vm.to);
        var reload = button("auditReload", "admin.reload", messages, vm::load);
        Label summary = new Label();
        summary.setId("auditSummary");
        summary.getStyleClass().add("muted");
        summary.textProperty().bind(vm.summaryProperty());
        HBox filters = new HBox(8, caption("admin.audit.who", messages, who), who, caption("admin.audit.what", messages, what),
                what, caption("admin.audit.from", messages, from), from, caption("admin.audit.to", messages, to), to, reload);
        filters.setAlignment(Pos.CENTER_LEFT);
        var more = button("auditMore", "admin.audit.more", messages, vm::loadMore);
        more.disableProperty().bind(vm.moreProperty().not());
        HBox footer = new HBox(12, more, summary, FormLayout.status(vm.form(), "audit"));
        footer.setAlignment(Pos.CENTER_LEFT);
        VBox page = new VBox(10, filters, FormLayout.errorLabel(vm.form().errorProperty("to")), table, footer);
        VBox.setVgrow(table, Priority.ALWAYS);
        return page;
    }

    private static TextField filter(String id, String promptKey, ResourceBundle messages) {
        TextField field = new TextField();
        field.setId(id);
        field.setPromptText(messages.getString(promptKey));
        field.setPrefColumnCount(10);
        return field;
    }

    private static Label caption(String key, ResourceBundle messages, Node field) {
        Label label = new Label(messages.getString(key));
        label.getStyleClass().add("field-label");
        label.setLabelFor(field);
        return label;
    }
}
