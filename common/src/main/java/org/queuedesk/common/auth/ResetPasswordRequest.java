package org.queuedesk.common.auth;

/** An admin sets a new password for a user; the user's sessions end. */
public record ResetPasswordRequest(String password) {
}
