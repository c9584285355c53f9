package org.queuedesk.common.notify;

/**
 * Sets a service's own text for one kind of message in one language, e.g. kind {@code your_turn},
 * language {@code es}. Placeholders: {number} {service} {position} {wait} {room} {link} {site}.
 * An empty {@code text} goes back to the default.
 */
public record SmsTemplateRequest(String language, String kind, String text) {
}
