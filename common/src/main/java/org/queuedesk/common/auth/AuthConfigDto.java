package org.queuedesk.common.auth;

/**
 * Which identity provider the server uses, so a client knows how to sign in: {@code builtin} (post a
 * {@link LoginRequest} to {@code /api/auth/login}) or {@code cognito} (sign in against the user pool with
 * InitiateAuth USER_PASSWORD_AUTH and send its ID token as the bearer token).
 */
public record AuthConfigDto(String provider, String cognitoRegion, String cognitoUserPoolId,
                            String cognitoClientId, String cognitoEndpoint) {

    public static final String BUILTIN = "builtin";
    public static final String COGNITO = "cognito";
}
