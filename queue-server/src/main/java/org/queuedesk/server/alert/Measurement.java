package org.queuedesk.server.alert;

import org.queuedesk.common.alert.AlertRule;

/**
 * One rule's value for one subject now: minutes, tickets or percent; null when the condition is absent.
 * {@code key} identifies the subject among the site's alerts ({@code service:3}, {@code site}, {@code device:7}).
 */
record Measurement(AlertRule rule, String key, Long serviceId, Long deviceId, String subject, Double value) {

    static String serviceKey(long serviceId) {
        return "service:" + serviceId;
    }

    static String deviceKey(long deviceId) {
        return "device:" + deviceId;
    }

    static final String SITE = "site";
}
