package org.queuedesk.desktop.admin;

import java.text.MessageFormat;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.function.LongSupplier;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.queuedesk.common.alert.AlertRule;
import org.queuedesk.common.alert.AlertRulesDto;
import org.queuedesk.common.alert.AlertTier;
import org.queuedesk.desktop.api.QueueDeskClient;
import org.queuedesk.desktop.ground.BackgroundExecutor;

/**
 * Alert thresholds (README, "Alerts"): the site's defaults, or one service's own (which it then follows instead),
 * each rule with a medium, high and critical threshold (blank: that tier is off). The server checks them; its
 * message for a rule shows under that rule's row.
 */
public final class AlertRulesViewModel {

    /** What the thresholds apply to: the site (serviceId null) or one service. */
    public record Scope(Long serviceId, String name) {
    }

    /** The server's field name of each rule (its message for a rule names that field). */
    static final Map<AlertRule, String> FIELDS = new EnumMap<>(Map.of(
            AlertRule.OLDEST_WAIT, "oldestWaitMinutes",
            AlertRule.WAITING_COUNT, "waitingCount",
            AlertRule.WAITING_WITHOUT_SESSION, "waitingWithoutSession",
            AlertRule.SMS_FAILURES, "smsFailurePercent",
            AlertRule.PRINTER_PROBLEM, "printerProblemMinutes"));

    private final QueueDeskClient client;
    private final LongSupplier siteId;
    private final ResourceBundle messages;
    private final FormState form;
    private final ObservableList<Scope> scopes = FXCollections.observableArrayList();
    final ObjectProperty<Scope> scope = new SimpleObjectProperty<>(this, "scope");
    private final Map<AlertRule, Map<AlertTier, StringProperty>> thresholds = new EnumMap<>(AlertRule.class);
    final StringProperty holdSeconds = new SimpleStringProperty(this, "holdSeconds", "");
    final StringProperty smsMinFailures = new SimpleStringProperty(this, "smsMinFailures", "");

    public AlertRulesViewModel(QueueDeskClient client, BackgroundExecutor background, LongSupplier siteId,
                               ResourceBundle messages) {
        this.client = client;
        this.siteId = siteId;
        this.messages = messages;
        this.form = new FormState(background, messages, "holdSeconds", "smsMinFailures", "oldestWaitMinutes",
                "waitingCount", "waitingWithoutSession", "smsFailurePercent", "printerProblemMinutes");
        for (AlertRule rule : AlertRule.values()) {
            Map<AlertTier, StringProperty> tiers = new EnumMap<>(AlertTier.class);
            for (AlertTier tier : AlertTier.values()) {
                tiers.put(tier, new SimpleStringProperty(this, FIELDS.get(rule) + "." + tier.wireName(), ""));
            }
            thresholds.put(rule, tiers);
        }
        scope.addListener((o, before, now) -> {
            if (now != null && before != null) {
                read(now);
            }
        });
    }

    private record Loaded(List<Scope> scopes, AlertRulesDto siteRules) {
    }

    /** The site's services as scopes, and the site's thresholds. */
    public void load() {
        long site = siteId.getAsLong();
        form.run(() -> {
            var list = new java.util.ArrayList<Scope>();
            list.add(new Scope(null, messages.getString("admin.alerts.siteDefaults")));
            for (var service : client.services(site)) {
                list.add(new Scope(service.id(), service.prefix() + " \u00b7 " + service.name()));
            }
            return new Loaded(List.copyOf(list), client.siteAlertRules(site));
        }, loaded -> {
            scope.set(null);
            scopes.setAll(loaded.scopes());
            scope.set(loaded.scopes().get(0));
            fill(loaded.siteRules());
        });
    }

    private void read(Scope chosen) {
        long site = siteId.getAsLong();
        form.run(() -> chosen.serviceId() == null ? client.siteAlertRules(site)
                : client.serviceAlertRules(chosen.serviceId()), this::fill);
    }

    public void save() {
        for (var field : numberFields().entrySet()) {
            if (!Numbers.isNumberOrBlank(field.getValue().get())) {
                form.fieldProblem(field.getKey(), messages.getString("admin.notANumber"));
                return;
            }
        }
        Scope chosen = scope.get();
        long site = siteId.getAsLong();
        AlertRulesDto rules = new AlertRulesDto(Numbers.orNull(holdSeconds.get()), tiers(AlertRule.OLDEST_WAIT),
                tiers(AlertRule.WAITING_COUNT), tiers(AlertRule.WAITING_WITHOUT_SESSION), tiers(AlertRule.SMS_FAILURES),
                Numbers.orNull(smsMinFailures.get()), tiers(AlertRule.PRINTER_PROBLEM));
        form.run(() -> chosen.serviceId() == null ? client.setSiteAlertRules(site, rules)
                : client.setServiceAlertRules(chosen.serviceId(), rules), saved -> {
            fill(saved);
            form.succeeded(MessageFormat.format(messages.getString("admin.saved"), chosen.name()));
        });
    }

    /** Every typed number, by the field the server would name for it. */
    private Map<String, StringProperty> numberFields() {
        Map<String, StringProperty> fields = new java.util.LinkedHashMap<>();
        fields.put("holdSeconds", holdSeconds);
        fields.put("smsMinFailures", smsMinFailures);
        thresholds.forEach((rule, tiers) -> tiers.values().forEach(tier -> {
            if (!Numbers.isNumberOrBlank(tier.get())) {
                fields.putIfAbsent(FIELDS.get(rule), tier);
            }
        }));
        return fields;
    }

    private AlertRulesDto.Tiers tiers(AlertRule rule) {
        var tiers = thresholds.get(rule);
        return new AlertRulesDto.Tiers(Numbers.orNull(tiers.get(AlertTier.MEDIUM).get()),
                Numbers.orNull(tiers.get(AlertTier.HIGH).get()), Numbers.orNull(tiers.get(AlertTier.CRITICAL).get()));
    }

    private void fill(AlertRulesDto rules) {
        holdSeconds.set(Numbers.text(rules.holdSeconds()).orElse(""));
        smsMinFailures.set(Numbers.text(rules.smsMinFailures()).orElse(""));
        for (AlertRule rule : AlertRule.values()) {
            AlertRulesDto.Tiers given = rules.tiers(rule);
            for (AlertTier tier : AlertTier.values()) {
                thresholds.get(rule).get(tier).set(given == null ? ""
                        : Numbers.text(given.threshold(tier)).orElse(""));
            }
        }
    }

    /** A rule's threshold at one tier, as typed (blank: off). */
    public StringProperty threshold(AlertRule rule, AlertTier tier) {
        return thresholds.get(rule).get(tier);
    }

    public ObservableList<Scope> scopes() {
        return scopes;
    }

    FormState form() {
        return form;
    }
}
