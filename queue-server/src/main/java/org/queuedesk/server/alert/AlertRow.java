package org.queuedesk.server.alert;

import java.time.Instant;
import org.queuedesk.common.alert.AlertDto;
import org.queuedesk.common.alert.AlertRule;
import org.queuedesk.common.alert.AlertTier;

/** An alert as stored, with its hysteresis state ({@code belowSince}). */
record AlertRow(long id, long siteId, String rule, String subjectKey, Long serviceId, Long deviceId, String subject,
                String tier, double value, String summary, Integer threshold, Instant raisedAt, Instant changedAt,
                Instant belowSince, Instant acknowledgedAt, String acknowledgedBy, Instant clearedAt) {

    AlertRule ruleKind() {
        return AlertRule.fromWire(rule);
    }

    AlertTier tierKind() {
        return AlertTier.fromWire(tier);
    }

    AlertDto toDto() {
        return new AlertDto(id, siteId, ruleKind(), tierKind(), serviceId, deviceId, subject, value, summary, threshold,
                raisedAt, changedAt, acknowledgedAt, acknowledgedBy, clearedAt);
    }
}
