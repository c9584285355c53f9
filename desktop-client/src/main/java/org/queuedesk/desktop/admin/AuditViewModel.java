package org.queuedesk.desktop.admin;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.function.Supplier;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.queuedesk.desktop.api.AuditEntry;
import org.queuedesk.desktop.api.QueueDeskClient;
import org.queuedesk.desktop.ground.BackgroundExecutor;

/**
 * The audit log, filtered by who (actor), what (action or subject) and when (local dates of the site, both
 * ends included). The server gives the latest entries only ({@code ?limit=}, at most 1000, newest first), so
 * the filter runs here over those; the screen says how many it read.
 */
public final class AuditViewModel {

    static final int READ = 1000;

    private final QueueDeskClient client;
    private final Supplier<ZoneId> zone;
    private final List<AuditEntry> read = new java.util.ArrayList<>();
    private final ObservableList<AuditEntry> shown = FXCollections.observableArrayList();
    final StringProperty who = new SimpleStringProperty(this, "who", "");
    final StringProperty what = new SimpleStringProperty(this, "what", "");
    final ObjectProperty<LocalDate> from = new SimpleObjectProperty<>(this, "from");
    final ObjectProperty<LocalDate> to = new SimpleObjectProperty<>(this, "to");
    private final StringProperty summary = new SimpleStringProperty(this, "summary", "");
    private final ResourceBundle messages;
    private final FormState form;

    public AuditViewModel(QueueDeskClient client, BackgroundExecutor background, Supplier<ZoneId> zone,
                          ResourceBundle messages) {
        this.client = client;
        this.zone = zone;
        this.messages = messages;
        this.form = new FormState(background, messages, "from", "to");
        who.addListener((o, b, n) -> filter());
        what.addListener((o, b, n) -> filter());
        from.addListener((o, b, n) -> filter());
        to.addListener((o, b, n) -> filter());
    }

    public void load() {
        form.run(() -> client.audit(READ), entries -> {
            read.clear();
            read.addAll(entries);
            filter();
        });
    }

    private void filter() {
        String actor = who.get().strip().toLowerCase(Locale.ROOT);
        String action = what.get().strip().toLowerCase(Locale.ROOT);
        LocalDate first = from.get();
        LocalDate last = to.get();
        if (first != null && last != null && last.isBefore(first)) {
            form.fieldProblem("to", messages.getString("admin.audit.toBeforeFrom"));
            shown.clear();
            return;
        }
        form.clear();
        ZoneId here = zone.get();
        shown.setAll(read.stream()
                .filter(e -> actor.isEmpty() || contains(e.actor(), actor))
                .filter(e -> action.isEmpty() || contains(e.action(), action) || contains(e.subject(), action))
                .filter(e -> {
                    LocalDate day = e.at().atZone(here).toLocalDate();
                    return (first == null || !day.isBefore(first)) && (last == null || !day.isAfter(last));
                })
                .toList());
        summary.set(java.text.MessageFormat.format(messages.getString("admin.audit.summary"), shown.size(), read.size()));
    }

    private static boolean contains(String text, String part) {
        return text != null && text.toLowerCase(Locale.ROOT).contains(part);
    }

    ZoneId zone() {
        return zone.get();
    }

    public ObservableList<AuditEntry> entries() {
        return shown;
    }

    public StringProperty summaryProperty() {
        return summary;
    }

    FormState form() {
        return form;
    }
}
