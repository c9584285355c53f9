package org.queuedesk.server.auth;

import java.time.Instant;

/**
 * A page of the audit log, newest first: who did it ({@code actor}, exact but for case), what ({@code action}, exact or
 * a family such as {@code user} for {@code user.created}), when ({@code from} included, {@code to} not), and
 * entries older than the id {@code before} (the last one of the previous page). Null: no filter.
 */
record AuditQuery(String actor, String action, Instant from, Instant to, int limit, Long before) {
}
