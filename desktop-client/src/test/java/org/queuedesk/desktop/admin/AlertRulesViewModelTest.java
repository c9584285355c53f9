package org.queuedesk.desktop.admin;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.queuedesk.common.alert.AlertRule;
import org.queuedesk.common.alert.AlertTier;

/**
 * Alert thresholds against a real server: README "Alerts" gives the defaults (oldest wait 20/30/45 minutes,
 * waiting 15/25/40, hold 60 s); the messages are queue-server's validation/alert-rules.psv.
 */
class AlertRulesViewModelTest {

    private final AdminServer server = new AdminServer();

    @AfterEach
    void stop() {
        server.close();
    }

    private AlertRulesViewModel opened() {
        var rules = new AlertRulesViewModel(server.admin, server.background, server::siteId, server.messages);
        rules.load();
        return rules;
    }

    @Test
    void theSitesDefaultsShowAndASiteThresholdIsSaved() throws Exception {
        var rules = opened();
        assertThat(rules.scope.get().serviceId()).as("the site first").isNull();
        assertThat(rules.scopes()).hasSize(1 + server.admin.services(server.siteId()).size());
        assertThat(rules.threshold(AlertRule.OLDEST_WAIT, AlertTier.MEDIUM).get()).isEqualTo("20");
        assertThat(rules.threshold(AlertRule.OLDEST_WAIT, AlertTier.HIGH).get()).isEqualTo("30");
        assertThat(rules.threshold(AlertRule.WAITING_COUNT, AlertTier.CRITICAL).get()).isEqualTo("40");
        assertThat(rules.holdSeconds.get()).isEqualTo("60");

        rules.threshold(AlertRule.OLDEST_WAIT, AlertTier.HIGH).set("35");
        rules.threshold(AlertRule.SMS_FAILURES, AlertTier.MEDIUM).set("");
        rules.save();
        assertThat(rules.form().problemProperty().get()).isEmpty();
        var site = server.admin.siteAlertRules(server.siteId());
        assertThat(site.oldestWaitMinutes().high()).isEqualTo(35);
        assertThat(site.smsFailurePercent().medium()).as("blank: the tier is off").isNull();
    }

    @Test
    void aServicesOwnThresholdsAreSavedAndRefusalsShowUnderTheirRule() throws Exception {
        var rules = opened();
        var service = rules.scopes().get(1);
        rules.scope.set(service);
        assertThat(rules.threshold(AlertRule.WAITING_COUNT, AlertTier.MEDIUM).get()).as("its site's until set")
                .isEqualTo("15");

        rules.threshold(AlertRule.WAITING_COUNT, AlertTier.MEDIUM).set("3");
        rules.threshold(AlertRule.WAITING_COUNT, AlertTier.HIGH).set("3");
        rules.save();
        assertThat(rules.form().error("waitingCount").get()).isEqualTo("high must be above the tiers below it (3).");

        rules.threshold(AlertRule.WAITING_COUNT, AlertTier.HIGH).set("6");
        rules.holdSeconds.set("3601");
        rules.save();
        assertThat(rules.form().error("waitingCount").get()).isEmpty();
        assertThat(rules.form().error("holdSeconds").get()).isEqualTo("use 0 to 3600 seconds.");

        rules.holdSeconds.set("lots");
        rules.save();
        assertThat(rules.form().error("holdSeconds").get()).isEqualTo(server.text("admin.notANumber"));

        rules.holdSeconds.set("90");
        rules.save();
        assertThat(rules.form().problemProperty().get()).isEmpty();
        var own = server.admin.serviceAlertRules(service.serviceId());
        assertThat(own.waitingCount().medium()).isEqualTo(3);
        assertThat(own.waitingCount().high()).isEqualTo(6);
        assertThat(server.admin.siteAlertRules(server.siteId()).waitingCount().medium())
                .as("the site keeps its own").isEqualTo(15);
    }
}
