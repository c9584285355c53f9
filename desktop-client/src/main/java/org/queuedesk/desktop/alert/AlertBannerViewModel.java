package org.queuedesk.desktop.alert;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.queuedesk.common.alert.AlertDto;
import org.queuedesk.common.alert.AlertRule;
import org.queuedesk.common.event.AlertEvent;
import org.queuedesk.common.event.QueueEvent;
import org.queuedesk.desktop.api.IdempotencyKeys;
import org.queuedesk.desktop.api.QueueDeskClient;
import org.queuedesk.desktop.ground.BackgroundExecutor;
import org.queuedesk.desktop.ground.Port;
import org.queuedesk.desktop.live.LiveSite;

/**
 * The open alerts a desk shows as banners (README, "Alerts"): read with each snapshot, then kept up to date by
 * the alert events; one leaves the banner when it clears or anyone acknowledges it, and comes back if it
 * escalates (the server drops the acknowledgement). Most severe first.
 */
@Port
public final class AlertBannerViewModel {

    private static final Logger LOG = Logger.getLogger(AlertBannerViewModel.class.getName());
    private final AlertApi api;
    private final BackgroundExecutor background;
    private final Function<String, String> messages;
    private final IdempotencyKeys keys = new IdempotencyKeys();
    private final Map<Long, AlertDto> known = new HashMap<>();
    private final ObservableList<AlertDto> shown = FXCollections.observableArrayList();
    // one wrapper, kept: a listener added to a wrapper made per call would go with that wrapper
    private final ObservableList<AlertDto> shownReadOnly = FXCollections.unmodifiableObservableList(shown);
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private long readingSite;

    AlertBannerViewModel(AlertApi api, BackgroundExecutor background, Function<String, String> messages) {
        this.api = api;
        this.background = background;
        this.messages = messages;
    }

    /** Following a desk's live site: its snapshot (re)read and its events. */
    public static AlertBannerViewModel following(LiveSite live, BackgroundExecutor background,
                                                 Function<String, String> messages) {
        QueueDeskClient client = live.client();
        var model = new AlertBannerViewModel(new AlertApi() {
            @Override
            public List<AlertDto> open(long siteId) throws Exception {
                return client.openAlerts(siteId);
            }

            @Override
            public AlertDto acknowledge(long alertId, String key) throws Exception {
                return client.acknowledgeAlert(alertId, key);
            }
        }, background, messages);
        live.onEvent(model::accept);
        live.onSnapshot(now -> {
            if (now != null) {
                model.read(now.site().id());
            }
        });
        if (live.snapshot() != null) {
            model.read(live.snapshot().site().id());
        }
        return model;
    }

    /** The site's open alerts, read again (after a reconnect: what cleared meanwhile goes). */
    void read(long siteId) {
        readingSite = siteId;
        background.run(() -> api.open(siteId), list -> {
            if (siteId != readingSite) {
                return; // another site was chosen since (admin mode): only the read of the site followed counts
            }
            var ids = list.stream().map(AlertDto::id).collect(Collectors.toSet());
            known.keySet().retainAll(ids);
            list.forEach(this::take);
            show();
        }, failure -> LOG.log(Level.INFO, "Cannot read the open alerts", failure));
    }

    void accept(QueueEvent event) {
        if (event instanceof AlertEvent change) {
            take(change.alert());
            show();
        }
    }

    public void acknowledge(AlertDto alert) {
        String action = "acknowledge-" + alert.id();
        String key = keys.keyFor(action);
        background.run(() -> api.acknowledge(alert.id(), key), done -> {
            keys.settled(action);
            error.set("");
            take(done);
            show();
        }, failure -> {
            keys.settledUnlessUnanswered(action, failure);
            error.set(messages.apply("alert.acknowledge.failed"));
        });
    }

    /** The newer of what is known and what arrived: a list read slowly must not undo a later event. */
    private void take(AlertDto alert) {
        var before = known.get(alert.id());
        if (before == null || !alert.changedAt().isBefore(before.changedAt())
                && !(alert.changedAt().equals(before.changedAt()) && before.acknowledgedAt() != null
                && alert.acknowledgedAt() == null)) {
            known.put(alert.id(), alert);
        }
    }

    private void show() {
        shown.setAll(known.values().stream()
                .filter(a -> a.open() && a.acknowledgedAt() == null)
                .sorted(Comparator.comparing(AlertDto::tier).reversed().thenComparing(AlertDto::raisedAt))
                .toList());
    }

    /** The alerts on the banner, most severe first. */
    public ObservableList<AlertDto> shown() {
        return shownReadOnly;
    }

    /** Why the last acknowledgement did not go through; empty when it did. */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    String tierName(AlertDto alert) {
        return messages.apply("alert.tier." + alert.tier().wireName());
    }

    /**
     * The alert's line in the desk's language, worded as the server's English summary is (what was measured, and
     * the threshold of its tier when the server sent one): an Arabic desk showed the English line (session 8).
     */
    String summary(AlertDto alert) {
        // the numbers as the server writes them, in Western digits: minutes and counts cut down, a percentage rounded
        long shown = alert.rule() == AlertRule.SMS_FAILURES ? Math.round(alert.value()) : (long) Math.floor(alert.value());
        String what = format(messages.apply("alert.summary." + alert.rule().wireName()), Long.toString(shown));
        if (alert.threshold() != null) {
            String unit = switch (alert.rule()) {
                case OLDEST_WAIT, PRINTER_PROBLEM -> "minutes";
                case WAITING_COUNT, WAITING_WITHOUT_SESSION -> "count";
                case SMS_FAILURES -> "percent";
            };
            what = format(messages.apply("alert.summary.threshold." + unit), what,
                    tierName(alert).toLowerCase(java.util.Locale.ROOT), alert.threshold().toString());
        }
        boolean hasSubject = alert.rule() != AlertRule.SMS_FAILURES && alert.subject() != null && !alert.subject().isBlank();
        return hasSubject ? format(messages.apply("alert.summary.subject"), alert.subject(), what) : what;
    }

    /** Only text arguments: nothing is formatted by locale, and no quote in them is read as MessageFormat's. */
    private static String format(String pattern, String... arguments) {
        return new java.text.MessageFormat(pattern, java.util.Locale.ROOT).format(arguments);
    }
}
