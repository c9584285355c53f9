package org.queuedesk.common.auth;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * Which identity provider the server uses, so a client knows how to sign in: {@code builtin} (post a
 * {@link LoginRequest} to {@code /api/auth/login}) or {@code cognito} (sign in against the user pool with
 * InitiateAuth USER_PASSWORD_AUTH and send its ID token as the bearer token). {@code serverVersion} is the
 * server's release ({@link org.queuedesk.common.Release}), so an app of another release can say so before
 * anything else fails. Fields a later server adds are ignored: this is the first answer an app reads.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record AuthConfigDto(String provider, String cognitoRegion, String cognitoUserPoolId,
                            String cognitoClientId, String cognitoEndpoint, String serverVersion) {

    public static final String BUILTIN = "builtin";
    public static final String COGNITO = "cognito";

    /** A configuration that does not say its server's release (servers before it reported one). */
    public AuthConfigDto(String provider, String cognitoRegion, String cognitoUserPoolId, String cognitoClientId,
                         String cognitoEndpoint) {
        this(provider, cognitoRegion, cognitoUserPoolId, cognitoClientId, cognitoEndpoint, null);
    }
}
