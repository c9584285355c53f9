package org.queuedesk.server.idempotency;

/** The answer given to a request, kept so the same request with the same key gets it again. */
public record StoredReply(String fingerprint, int status, String response) {
}
