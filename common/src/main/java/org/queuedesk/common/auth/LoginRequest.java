package org.queuedesk.common.auth;

/** Sign in with the built-in user store. */
public record LoginRequest(String username, String password) {
}
