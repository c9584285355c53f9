package org.queuedesk.desktop.api;

import java.time.Instant;

/** One line of the server's audit log ({@code GET /api/audit}): who did what to what, when. */
public record AuditEntry(long id, Instant at, String actor, String action, String subject, String detail) {
}
