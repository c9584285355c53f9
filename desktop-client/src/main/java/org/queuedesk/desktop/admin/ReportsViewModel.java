package org.queuedesk.desktop.admin;

import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.queuedesk.common.report.AppointmentReport;
import org.queuedesk.common.report.HourReport;
import org.queuedesk.common.report.ReportPeriod;
import org.queuedesk.common.report.TicketReport;
import org.queuedesk.desktop.api.QueueDeskClient;
import org.queuedesk.desktop.ground.BackgroundExecutor;

/**
 * The report screen: a kind of report over a range of the site's local days, cut by day, week or month, shown as
 * a table (one column per field of the server's rows) or saved as the server's CSV, byte for byte. The server
 * checks the range; what it refuses shows under the field it names.
 */
public final class ReportsViewModel {

    /** The reports the server has, each with its row type (the table's columns are the row's fields). */
    public enum Kind {
        TICKETS(TicketReport.class), HOURS(HourReport.class), APPOINTMENTS(AppointmentReport.class);

        private final Class<? extends Record> type;

        Kind(Class<? extends Record> type) {
            this.type = type;
        }

        String path() {
            return name().toLowerCase(Locale.ROOT);
        }

        String messageKey() {
            return "admin.reports.kind." + path();
        }
    }

    /** What the table shows: column names (fields of the rows) and each row's values as text. */
    public record Table(List<String> columns, List<List<String>> rows) {
    }

    private final QueueDeskClient client;
    private final LongSupplier siteId;
    private final ResourceBundle messages;
    private final FormState form;
    final ObjectProperty<LocalDate> from = new SimpleObjectProperty<>(this, "from");
    final ObjectProperty<LocalDate> to = new SimpleObjectProperty<>(this, "to");
    final ObjectProperty<ReportPeriod> by = new SimpleObjectProperty<>(this, "by", ReportPeriod.DAY);
    final ObjectProperty<Kind> kind = new SimpleObjectProperty<>(this, "kind", Kind.TICKETS);
    private final ObjectProperty<Table> table = new SimpleObjectProperty<>(this, "table", new Table(List.of(), List.of()));
    private final ObservableList<List<String>> rows = FXCollections.observableArrayList();

    public ReportsViewModel(QueueDeskClient client, BackgroundExecutor background, LongSupplier siteId,
                            Supplier<ZoneId> zone, Clock clock, ResourceBundle messages) {
        this.client = client;
        this.siteId = siteId;
        this.messages = messages;
        this.form = new FormState(background, messages, "from", "to", "by")
                .checkFieldsMessage("admin.reports.checkFields");
        LocalDate today = LocalDate.now(clock.withZone(zone.get()));
        to.set(today);
        from.set(today.minusDays(6));
    }

    /** Shows the last choice again (the screen was opened, or another site chosen). */
    public void load() {
        show();
    }

    public void show() {
        if (!datesGiven()) {
            return;
        }
        long site = siteId.getAsLong();
        Kind chosen = kind.get();
        LocalDate start = from.get();
        LocalDate end = to.get();
        ReportPeriod period = by.get();
        form.run(() -> tableOf(client.report(site, chosen.path(), start, end, period, chosen.type)), shown -> {
            table.set(shown);
            rows.setAll(shown.rows());
            form.succeeded(MessageFormat.format(messages.getString("admin.reports.shown"), shown.rows().size()));
        });
    }

    /** The name the server gives the file, e.g. {@code tickets-site1-2026-11-01-2026-11-30-day.csv}. */
    public String suggestedFileName() {
        return kind.get().path() + "-site" + siteId.getAsLong() + "-" + from.get() + "-" + to.get() + "-"
                + by.get().wireName() + ".csv";
    }

    /** Saves the server's CSV for the chosen report to {@code file} as it came (UTF-8 with its byte order mark). */
    public void export(Path file) {
        if (!datesGiven()) {
            return;
        }
        long site = siteId.getAsLong();
        Kind chosen = kind.get();
        LocalDate start = from.get();
        LocalDate end = to.get();
        ReportPeriod period = by.get();
        form.run(() -> {
            byte[] csv = client.reportCsv(site, chosen.path(), start, end, period);
            Files.write(file, csv);
            return file;
        }, saved -> form.succeeded(MessageFormat.format(messages.getString("admin.reports.saved"), saved.toString())));
    }

    private boolean datesGiven() {
        for (var date : List.of(from, to)) {
            if (date.get() == null) {
                form.fieldProblem(date.getName(), messages.getString("admin.reports.dateRequired"));
                return false;
            }
        }
        return true;
    }

    private static Table tableOf(Object report) throws ReflectiveOperationException {
        var rowsOf = report.getClass().getRecordComponents();
        List<?> rows = null;
        for (var component : rowsOf) {
            if (component.getName().equals("rows")) {
                rows = (List<?>) component.getAccessor().invoke(report);
            }
        }
        if (rows == null || rows.isEmpty()) {
            return new Table(List.of(), List.of());
        }
        var components = rows.get(0).getClass().getRecordComponents();
        List<String> columns = new ArrayList<>();
        for (var component : components) {
            columns.add(component.getName());
        }
        List<List<String>> lines = new ArrayList<>();
        for (Object row : rows) {
            List<String> values = new ArrayList<>();
            for (var component : components) {
                Object value = component.getAccessor().invoke(row);
                values.add(value == null ? "" : value instanceof org.queuedesk.common.report.ReportDimension d
                        ? d.wireName() : value.toString());
            }
            lines.add(List.copyOf(values));
        }
        return new Table(List.copyOf(columns), List.copyOf(lines));
    }

    /** The report on show (its columns change with the kind). */
    public ObjectProperty<Table> tableProperty() {
        return table;
    }

    public ObservableList<List<String>> rows() {
        return rows;
    }

    FormState form() {
        return form;
    }
}
