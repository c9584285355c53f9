package org.queuedesk.desktop.admin;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
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
 * The audit log, filtered on the server by who (the actor's exact name), what (an action such as
 * {@code user.created}, or its family {@code user}) and when (local dates of the site, both ends included),
 * newest first, a page at a time: More reads the page before the oldest shown. A change of filter asks again;
 * an answer to a filter since replaced is dropped.
 */
public final class AuditViewModel {

    static final int PAGE = 100;

    private final QueueDeskClient client;
    private final BackgroundExecutor background;
    private final Supplier<ZoneId> zone;
    private final ObservableList<AuditEntry> shown = FXCollections.observableArrayList();
    private final javafx.beans.property.BooleanProperty more = new javafx.beans.property.SimpleBooleanProperty(this, "more");
    private final int pageSize;
    private long asked;
    final StringProperty who = new SimpleStringProperty(this, "who", "");
    final StringProperty what = new SimpleStringProperty(this, "what", "");
    final ObjectProperty<LocalDate> from = new SimpleObjectProperty<>(this, "from");
    final ObjectProperty<LocalDate> to = new SimpleObjectProperty<>(this, "to");
    private final StringProperty summary = new SimpleStringProperty(this, "summary", "");
    private final ResourceBundle messages;
    private final FormState form;

    public AuditViewModel(QueueDeskClient client, BackgroundExecutor background, Supplier<ZoneId> zone,
                          ResourceBundle messages) {
        this(client, background, zone, messages, PAGE);
    }

    /** With pages of another size (a test pages through a few entries). */
    AuditViewModel(QueueDeskClient client, BackgroundExecutor background, Supplier<ZoneId> zone, ResourceBundle messages,
                   int pageSize) {
        this.pageSize = pageSize;
        this.client = client;
        this.background = background;
        this.zone = zone;
        this.messages = messages;
        this.form = new FormState(background, messages, "from", "to");
        who.addListener((o, b, n) -> load());
        what.addListener((o, b, n) -> load());
        from.addListener((o, b, n) -> load());
        to.addListener((o, b, n) -> load());
    }

    /** The newest page for the filters on show. */
    public void load() {
        read(null);
    }

    /** The page before the oldest entry shown. */
    public void loadMore() {
        if (!shown.isEmpty()) {
            read(shown.get(shown.size() - 1).id());
        }
    }

    private void read(Long before) {
        LocalDate first = from.get();
        LocalDate last = to.get();
        if (first != null && last != null && last.isBefore(first)) {
            form.fieldProblem("to", messages.getString("admin.audit.toBeforeFrom"));
            shown.clear();
            more.set(false);
            summary.set("");
            return;
        }
        ZoneId here = zone.get();
        String actor = who.get().strip();
        String action = what.get().strip().toLowerCase(Locale.ROOT);
        Instant start = first == null ? null : first.atStartOfDay(here).toInstant();
        Instant end = last == null ? null : last.plusDays(1).atStartOfDay(here).toInstant();
        long question = ++asked;
        // not through the form: a filter typed while a page is on its way asks again rather than waiting
        form.clear();
        background.run(() -> client.audit(actor, action, start, end, pageSize, before), page -> {
            if (question != asked) {
                return; // the filters changed since: a newer answer is on its way
            }
            if (before == null) {
                shown.setAll(page);
            } else {
                shown.addAll(page);
            }
            more.set(page.size() == pageSize);
            summary.set(java.text.MessageFormat.format(messages.getString(more.get() ? "admin.audit.summaryMore"
                    : "admin.audit.summary"), shown.size()));
        }, failure -> {
            if (question == asked) {
                form.show(failure);
            }
        });
    }

    /** Whether the server may have older entries for these filters (the last page was full). */
    public javafx.beans.property.ReadOnlyBooleanProperty moreProperty() {
        return more;
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
