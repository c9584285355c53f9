package org.queuedesk.desktop.alert;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.queuedesk.common.alert.AlertDto;
import org.queuedesk.common.alert.AlertRule;
import org.queuedesk.common.alert.AlertTier;
import org.queuedesk.common.event.AlertEvent;
import org.queuedesk.common.event.EventType;
import org.queuedesk.desktop.ground.CurrentThreadExecutor;

/**
 * The banner shows open alerts nobody acknowledged, most severe first, until they clear or are acknowledged;
 * an escalation brings an acknowledged one back (README, "Alerts").
 */
class AlertBannerViewModelTest {

    private static final Instant T0 = Instant.parse("2026-11-23T09:20:00Z");
    private final List<AlertDto> open = new ArrayList<>();
    private final List<String> acknowledgeKeys = new ArrayList<>();
    private boolean acknowledgeFails;
    private final AlertBannerViewModel model = new AlertBannerViewModel(new AlertApi() {
        @Override
        public List<AlertDto> open(long siteId) {
            return List.copyOf(open);
        }

        @Override
        public AlertDto acknowledge(long alertId, String key) throws Exception {
            acknowledgeKeys.add(key);
            if (acknowledgeFails) {
                throw new java.io.IOException("offline");
            }
            var alert = open.stream().filter(a -> a.id() == alertId).findFirst().orElseThrow();
            return acked(alert, "anna");
        }
    }, new CurrentThreadExecutor(), key -> key);

    /**
     * Session 8: an Arabic desk showed the server's English line. The desk words it in its language; expected lines
     * written by hand (English as the server's Summaries writes it, README "Alerts").
     */
    @org.junit.jupiter.api.Test
    void anAlertIsWordedInTheDesksLanguage() {
        var oldest = alert(7, AlertTier.HIGH, 1);
        var sms = new AlertDto(8, 1, AlertRule.SMS_FAILURES, AlertTier.MEDIUM, null, null, null, 12.5, "x", 10, T0, T0,
                null, null, null);
        var printer = new AlertDto(9, 1, AlertRule.PRINTER_PROBLEM, AlertTier.CRITICAL, null, 4L, "Kiosk hall", 16.9,
                "x", 15, T0, T0, null, null, null);
        var beforeThresholds = new AlertDto(10, 1, AlertRule.WAITING_COUNT, AlertTier.MEDIUM, 2L, null, "General", 9,
                "x", null, T0, T0, null, null, null);
        var english = worded(java.util.Locale.ENGLISH);
        assertThat(english.summary(oldest)).isEqualTo("General: oldest ticket waiting 21 min (high from 20 min)");
        assertThat(english.summary(sms)).isEqualTo("13% of text messages failed in the last 15 min (medium from 10%)");
        assertThat(english.summary(printer)).isEqualTo("Kiosk hall: printer not working for 16 min (critical from 15 min)");
        assertThat(english.summary(beforeThresholds)).isEqualTo("General: tickets waiting: 9");
        var arabic = worded(java.util.Locale.forLanguageTag("ar"));
        assertThat(arabic.summary(oldest)).isEqualTo("General: أقدم تذكرة تنتظر منذ 21 دقيقة (مرتفع من 20 دقيقة)");
        assertThat(arabic.summary(sms)).isEqualTo("فشل 13% من الرسائل النصية في آخر 15 دقيقة (متوسط من 10%)");
        var spanish = worded(java.util.Locale.forLanguageTag("es"));
        assertThat(spanish.summary(oldest)).isEqualTo("General: el turno más antiguo lleva 21 min esperando (alta desde 20 min)");
    }

    private static AlertBannerViewModel worded(java.util.Locale locale) {
        var messages = org.queuedesk.desktop.ground.Theme.messages(locale);
        return new AlertBannerViewModel(new AlertApi() {
            @Override
            public List<AlertDto> open(long siteId) {
                return List.of();
            }

            @Override
            public AlertDto acknowledge(long alertId, String key) {
                throw new UnsupportedOperationException();
            }
        }, new CurrentThreadExecutor(), messages::getString);
    }

    private static AlertDto alert(long id, AlertTier tier, int minute) {
        return new AlertDto(id, 1, AlertRule.OLDEST_WAIT, tier, 2L, null, "General", 21, "General: waiting", 20,
                T0, T0.plusSeconds(60L * minute), null, null, null);
    }

    private static AlertDto acked(AlertDto a, String by) {
        return new AlertDto(a.id(), a.siteId(), a.rule(), a.tier(), a.serviceId(), a.deviceId(), a.subject(), a.value(),
                a.summary(), a.threshold(), a.raisedAt(), a.changedAt(), a.changedAt().plusSeconds(5), by, null);
    }

    private static AlertDto cleared(AlertDto a, int minute) {
        return new AlertDto(a.id(), a.siteId(), a.rule(), a.tier(), a.serviceId(), a.deviceId(), a.subject(), a.value(),
                a.summary(), a.threshold(), a.raisedAt(), T0.plusSeconds(60L * minute), null, null,
                T0.plusSeconds(60L * minute));
    }

    private void event(EventType type, AlertDto alert) {
        model.accept(new AlertEvent(1, 1, type, alert.changedAt(), "server", alert));
    }

    @Test
    void openAlertsShowMostSevereFirstUntilCleared() {
        open.add(alert(1, AlertTier.MEDIUM, 0));
        model.read(1);
        event(EventType.ALERT_RAISED, alert(2, AlertTier.CRITICAL, 1));
        assertThat(model.shown()).extracting(AlertDto::id).containsExactly(2L, 1L);

        event(EventType.ALERT_CLEARED, cleared(alert(2, AlertTier.CRITICAL, 1), 5));
        assertThat(model.shown()).extracting(AlertDto::id).containsExactly(1L);
    }

    @Test
    void acknowledgingHidesItAndAnEscalationBringsItBack() {
        open.add(alert(1, AlertTier.MEDIUM, 0));
        model.read(1);
        model.acknowledge(model.shown().get(0));
        assertThat(model.shown()).isEmpty();
        assertThat(model.errorProperty().get()).isEmpty();

        event(EventType.ALERT_ESCALATED, alert(1, AlertTier.HIGH, 10));
        assertThat(model.shown()).extracting(AlertDto::tier).containsExactly(AlertTier.HIGH);
    }

    @Test
    void anAcknowledgementByAnotherDeskHidesItHereToo() {
        var a = alert(1, AlertTier.HIGH, 0);
        event(EventType.ALERT_RAISED, a);
        event(EventType.ALERT_ACKNOWLEDGED, acked(a, "bob"));
        assertThat(model.shown()).isEmpty();
    }

    @Test
    void aSlowReadDoesNotUndoALaterEvent() {
        var a = alert(1, AlertTier.MEDIUM, 0);
        event(EventType.ALERT_ACKNOWLEDGED, acked(a, "bob"));
        open.add(a); // the list was read before the acknowledgement
        model.read(1);
        assertThat(model.shown()).isEmpty();
    }

    @Test
    void aFailedAcknowledgementKeepsTheBannerSaysSoAndRetriesWithTheSameKey() {
        open.add(alert(1, AlertTier.CRITICAL, 0));
        model.read(1);
        acknowledgeFails = true;
        model.acknowledge(model.shown().get(0));
        assertThat(model.shown()).hasSize(1);
        assertThat(model.errorProperty().get()).isEqualTo("alert.acknowledge.failed");

        acknowledgeFails = false;
        model.acknowledge(model.shown().get(0));
        assertThat(model.shown()).isEmpty();
        assertThat(acknowledgeKeys).as("an unanswered request is sent again with its key").hasSize(2)
                .containsOnly(acknowledgeKeys.get(0));
    }

    @Test
    void aReReadDropsWhatClearedWhileOffline() {
        open.add(alert(1, AlertTier.MEDIUM, 0));
        model.read(1);
        open.clear();
        model.read(1);
        assertThat(model.shown()).isEmpty();
    }
}
