package org.queuedesk.common.notify;

import java.time.Instant;

/** The patient's status page of a ticket (to print as a QR code or read out); valid until {@code expiresAt}. */
public record StatusLinkDto(long ticketId, String url, Instant expiresAt) {
}
