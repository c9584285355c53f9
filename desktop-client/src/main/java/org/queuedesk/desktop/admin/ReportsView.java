package org.queuedesk.desktop.admin;

import static org.queuedesk.desktop.admin.FormLayout.button;
import static org.queuedesk.desktop.admin.FormLayout.buttons;

import java.util.List;
import java.util.ResourceBundle;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.queuedesk.common.report.ReportPeriod;

/** The report screen: the choice on top, the rows under it, and Export CSV… through {@link ReportFiles}. */
final class ReportsView {

    private ReportsView() {
    }

    static Node build(ReportsViewModel vm, ReportFiles files, ResourceBundle messages) {
        FormState form = vm.form();
        FormLayout choice = new FormLayout(messages, "admin.reports.title");
        ComboBox<ReportsViewModel.Kind> kind = new ComboBox<>();
        kind.setId("reportKind");
        kind.getItems().setAll(ReportsViewModel.Kind.values());
        kind.setConverter(named(k -> messages.getString(k.messageKey())));
        kind.valueProperty().bindBidirectional(vm.kind);
        choice.field("admin.reports.kind", kind, null);
        DatePicker from = new DatePicker();
        from.setId("reportFrom");
        from.valueProperty().bindBidirectional(vm.from);
        choice.field("admin.reports.from", from, form.errorProperty("from"));
        DatePicker to = new DatePicker();
        to.setId("reportTo");
        to.valueProperty().bindBidirectional(vm.to);
        choice.field("admin.reports.to", to, form.errorProperty("to"));
        ComboBox<ReportPeriod> by = new ComboBox<>();
        by.setId("reportBy");
        by.getItems().setAll(ReportPeriod.values());
        by.setConverter(named(p -> messages.getString("admin.reports.by." + p.wireName())));
        by.valueProperty().bindBidirectional(vm.by);
        choice.field("admin.reports.by", by, form.errorProperty("by"));
        Button show = button("showReportButton", "admin.reports.show", messages, vm::show);
        show.getStyleClass().add("primary");
        show.setDefaultButton(true);
        Button export = button("exportReportButton", "admin.reports.export", messages, () -> files
                .saveAs(show.getScene() == null ? null : show.getScene().getWindow(), vm.suggestedFileName())
                .ifPresent(vm::export));
        choice.add(buttons(show, export)).add(FormLayout.status(form, "report"));

        TableView<List<String>> table = FormLayout.table("reportTable");
        table.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
        table.setItems(vm.rows());
        table.setPlaceholder(new javafx.scene.control.Label(messages.getString("admin.reports.none")));
        vm.tableProperty().addListener((o, before, now) -> {
            List<TableColumn<List<String>, ?>> columns = new java.util.ArrayList<>();
            for (int i = 0; i < now.columns().size(); i++) {
                int index = i;
                String name = now.columns().get(i);
                String key = "admin.reports.column." + name;
                TableColumn<List<String>, String> column = new TableColumn<>(
                        messages.containsKey(key) ? messages.getString(key) : name);
                column.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(cell.getValue().get(index)));
                column.setId("reportColumn-" + name);
                columns.add(column);
            }
            table.getColumns().setAll(columns);
        });
        VBox.setVgrow(table, Priority.ALWAYS);
        VBox card = choice.card();
        card.setMaxWidth(560);
        VBox page = new VBox(12, card, table);
        page.getStyleClass().add("admin-page");
        HBox.setHgrow(page, Priority.ALWAYS);
        return page;
    }

    private static <T> StringConverter<T> named(java.util.function.Function<T, String> name) {
        return new StringConverter<>() {
            @Override
            public String toString(T value) {
                return value == null ? "" : name.apply(value);
            }

            @Override
            public T fromString(String text) {
                return null;
            }
        };
    }
}
