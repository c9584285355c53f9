package org.queuedesk.common.auth;

import java.util.List;
import org.queuedesk.common.Role;

/**
 * A signed-in session: send {@code accessToken} as {@code Authorization: Bearer …}; refresh before
 * {@code expiresInSeconds} runs out.
 */
public record TokenResponse(String accessToken, String refreshToken, long expiresInSeconds, String username,
                            List<Role> roles) {
}
