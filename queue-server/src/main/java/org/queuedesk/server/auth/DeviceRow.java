package org.queuedesk.server.auth;

import java.time.Instant;

/** A registered kiosk or display as stored; its token is kept only as a hash. */
public record DeviceRow(long id, long siteId, String name, String kind, Instant createdAt, Instant revokedAt) {

    org.queuedesk.common.auth.DeviceDto toDto() {
        return new org.queuedesk.common.auth.DeviceDto(id, siteId, name, kind, createdAt, revokedAt);
    }
}
