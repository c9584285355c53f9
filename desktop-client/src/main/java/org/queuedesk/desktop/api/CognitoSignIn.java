package org.queuedesk.desktop.api;

import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.queuedesk.common.auth.AuthConfigDto;
import org.queuedesk.common.auth.TokenResponse;
import org.queuedesk.common.json.Problem;
import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthFlowType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthenticationResultType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ChallengeNameType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.CognitoIdentityProviderException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.InitiateAuthRequest;
import software.amazon.awssdk.services.cognitoidentityprovider.model.InitiateAuthResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.InvalidPasswordException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.NotAuthorizedException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.RespondToAuthChallengeRequest;
import software.amazon.awssdk.services.cognitoidentityprovider.model.RevokeTokenRequest;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserNotFoundException;

/**
 * Staff sign-in against an Amazon Cognito user pool, for servers that announce {@code cognito} in
 * {@code /api/auth/config}: USER_PASSWORD_AUTH, the NEW_PASSWORD_REQUIRED challenge of a first sign-in,
 * REFRESH_TOKEN_AUTH and sign-out. The ID token is what the app sends to the server as its bearer token.
 * Blocking calls: run them on the background seam, never on the FX thread.
 */
public final class CognitoSignIn implements AutoCloseable {

    private final CognitoIdentityProviderClient cognito;
    private final String clientId;

    public CognitoSignIn(AuthConfigDto config) {
        var builder = CognitoIdentityProviderClient.builder()
                .region(Region.of(config.cognitoRegion()))
                .credentialsProvider(AnonymousCredentialsProvider.create())
                .httpClient(UrlConnectionHttpClient.create());
        if (config.cognitoEndpoint() != null && !config.cognitoEndpoint().isBlank()) {
            builder.endpointOverride(URI.create(config.cognitoEndpoint()));
        }
        this.cognito = builder.build();
        this.clientId = config.cognitoClientId();
    }

    /** Either signed in, or the pool wants a new password first (a user's first sign-in). */
    public sealed interface Outcome permits SignedIn, NewPasswordRequired {
    }

    public record SignedIn(TokenResponse tokens) implements Outcome {
    }

    public record NewPasswordRequired(String username, String session) implements Outcome {
    }

    /** Why sign-in was refused; the sign-in screen says it in the user's language (messages {@code signin.cognito.*}). */
    public enum Reason { WRONG_PASSWORD, WEAK_PASSWORD, UNSUPPORTED_STEP, REFUSED, UNREACHABLE }

    /**
     * A refusal to show by the password field, never a stack trace. {@link #getMessage()} is English, for
     * logs; {@link #detail()} is what the pool said (its password rules, the step it wants), if anything.
     */
    public static final class SignInException extends RuntimeException {
        private final Reason reason;
        private final String detail;

        public SignInException(Reason reason, String detail, String message, Throwable cause) {
            super(message, cause);
            this.reason = reason;
            this.detail = detail == null ? "" : detail;
        }

        public Reason reason() {
            return reason;
        }

        public String detail() {
            return detail;
        }
    }

    public Outcome signIn(String username, String password) {
        InitiateAuthResponse response = callSigningIn(() -> cognito.initiateAuth(InitiateAuthRequest.builder()
                .clientId(clientId)
                .authFlow(AuthFlowType.USER_PASSWORD_AUTH)
                .authParameters(Map.of("USERNAME", username, "PASSWORD", password))
                .build()));
        if (response.challengeName() == ChallengeNameType.NEW_PASSWORD_REQUIRED) {
            return new NewPasswordRequired(username, response.session());
        }
        if (response.authenticationResult() == null) {
            throw new SignInException(Reason.UNSUPPORTED_STEP, response.challengeNameAsString(),
                    "Sign-in needs a step this app does not support (" + response.challengeNameAsString()
                    + "); ask an administrator.", null);
        }
        return new SignedIn(tokens(username, response.authenticationResult(), null));
    }

    public TokenResponse completeNewPassword(NewPasswordRequired challenge, String newPassword) {
        var result = call(() -> cognito.respondToAuthChallenge(RespondToAuthChallengeRequest.builder()
                .clientId(clientId)
                .challengeName(ChallengeNameType.NEW_PASSWORD_REQUIRED)
                .session(challenge.session())
                .challengeResponses(Map.of("USERNAME", challenge.username(), "NEW_PASSWORD", newPassword))
                .build())).authenticationResult();
        return tokens(challenge.username(), result, null);
    }

    /** New ID and access tokens; Cognito keeps the same refresh token. */
    public TokenResponse refresh(String username, String refreshToken) {
        var result = call(() -> cognito.initiateAuth(InitiateAuthRequest.builder()
                .clientId(clientId)
                .authFlow(AuthFlowType.REFRESH_TOKEN_AUTH)
                .authParameters(Map.of("REFRESH_TOKEN", refreshToken))
                .build())).authenticationResult();
        return tokens(username, result, refreshToken);
    }

    /**
     * {@link #refresh} for a signed-in desk: the pool refusing the refresh token (expired, revoked, user
     * disabled) is a 401 (sign in again); not reaching the pool is an IOException (try again later).
     */
    public TokenResponse renew(String username, String refreshToken) throws IOException, ApiException {
        try {
            return refresh(username, refreshToken);
        } catch (SignInException e) {
            if (e.getCause() instanceof SdkClientException || isPassing(e.getCause())) {
                throw new IOException(e.getMessage(), e);
            }
            throw new ApiException(401, new Problem(null, "Sign in again", 401,
                    e.getMessage(), null, null, null));
        }
    }

    /** Throttling or a fault at the pool: worth trying again later, and no reason to end the sign-in. */
    private static boolean isPassing(Throwable cause) {
        return cause instanceof software.amazon.awssdk.awscore.exception.AwsServiceException service
                && (service.isThrottlingException() || service.statusCode() >= 500);
    }

    /** Revokes the refresh token; the app then forgets its tokens. Best effort: offline sign-out still signs out. */
    public void signOut(String refreshToken) {
        try {
            cognito.revokeToken(RevokeTokenRequest.builder().clientId(clientId).token(refreshToken).build());
        } catch (RuntimeException ignored) {
            // the tokens are dropped locally either way; the access token expires on its own
        }
    }

    private static TokenResponse tokens(String username, AuthenticationResultType result, String keepRefresh) {
        String refresh = Optional.ofNullable(result.refreshToken()).orElse(keepRefresh);
        long expires = result.expiresIn() == null ? 3600 : result.expiresIn();
        return new TokenResponse(result.idToken(), refresh, expires, username, List.of());
    }

    /** cognito-local answers a wrong password with InvalidPasswordException; Cognito with NotAuthorized. */
    private static <T> T callSigningIn(java.util.function.Supplier<T> request) {
        try {
            return call(request);
        } catch (SignInException e) {
            if (e.getCause() instanceof InvalidPasswordException) {
                throw new SignInException(Reason.WRONG_PASSWORD, null, "Wrong username or password.", e.getCause());
            }
            throw e;
        }
    }

    private static <T> T call(java.util.function.Supplier<T> request) {
        try {
            return request.get();
        } catch (NotAuthorizedException | UserNotFoundException e) {
            throw new SignInException(Reason.WRONG_PASSWORD, null, "Wrong username or password.", e);
        } catch (InvalidPasswordException e) {
            String rules = e.awsErrorDetails() == null ? e.getMessage() : e.awsErrorDetails().errorMessage();
            throw new SignInException(Reason.WEAK_PASSWORD, rules, "That password does not meet the pool's rules: " + rules, e);
        } catch (CognitoIdentityProviderException e) {
            String message = e.awsErrorDetails() == null ? e.getMessage() : e.awsErrorDetails().errorMessage();
            throw new SignInException(Reason.REFUSED, message, "Sign-in refused: " + message, e);
        } catch (software.amazon.awssdk.core.exception.SdkClientException e) {
            throw new SignInException(Reason.UNREACHABLE, null,
                    "Cannot reach the sign-in service; check the network and try again.", e);
        }
    }

    @Override
    public void close() {
        cognito.close();
    }
}
