package org.queuedesk.common.auth;

import java.time.Instant;

/** A registered kiosk or display. */
public record DeviceDto(long id, long siteId, String name, String kind, Instant createdAt, Instant revokedAt) {
}
