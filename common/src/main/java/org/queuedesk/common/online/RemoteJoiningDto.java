package org.queuedesk.common.online;

/**
 * Whether patients may take a ticket for a service from their own phone: {@code open}, between
 * {@code opensAt} and {@code closesAt} (the site's local time, {@code HH:mm}; null: all day), while fewer than
 * {@code maxWaiting} tickets taken online wait at once (null: no cap).
 */
public record RemoteJoiningDto(long serviceId, boolean open, String opensAt, String closesAt, Integer maxWaiting) {
}
