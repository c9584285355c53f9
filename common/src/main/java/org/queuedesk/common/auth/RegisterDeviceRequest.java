package org.queuedesk.common.auth;

/** Register a kiosk or display ({@code kind}) at a site. */
public record RegisterDeviceRequest(Long siteId, String name, String kind) {
}
