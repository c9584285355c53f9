package org.queuedesk.server.auth;

/** The audit log's query parameters as the caller typed them; {@link AuditQueryValidator} reads them. */
record AuditParams(String actor, String action, String from, String to, String limit, String before) {
}
