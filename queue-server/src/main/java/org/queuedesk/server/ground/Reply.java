package org.queuedesk.server.ground;

/** What an idempotent write answers: its success status and body, kept to replay to a retry with the same key. */
public record Reply(int status, Object body) {
}
