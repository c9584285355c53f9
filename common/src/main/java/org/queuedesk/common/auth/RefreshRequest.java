package org.queuedesk.common.auth;

/** Exchange a refresh token for a new access token. */
public record RefreshRequest(String refreshToken) {
}
