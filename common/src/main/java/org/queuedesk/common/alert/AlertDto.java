package org.queuedesk.common.alert;

import java.time.Instant;

/**
 * An alert at a site: what it watches ({@code rule}) about which service or kiosk ({@code subject} names it
 * for people), its current {@code tier} and the measured {@code value} (minutes, tickets or percent) that put it
 * there, and the {@code threshold} of that tier (null for an alert stored before there was one). {@code summary}
 * is the server's English line; a desk words the alert in its own language from the rest. {@code clearedAt} is
 * set once it is over; {@code acknowledgedAt}/{@code acknowledgedBy} once someone took it in (an escalation
 * asks again: both go back to null).
 */
public record AlertDto(long id, long siteId, AlertRule rule, AlertTier tier, Long serviceId, Long deviceId,
                       String subject, double value, String summary, Integer threshold, Instant raisedAt,
                       Instant changedAt, Instant acknowledgedAt, String acknowledgedBy, Instant clearedAt) {

    public boolean open() {
        return clearedAt == null;
    }
}
