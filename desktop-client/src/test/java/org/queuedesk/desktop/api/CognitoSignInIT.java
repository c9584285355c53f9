package org.queuedesk.desktop.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.queuedesk.common.auth.AuthConfigDto;
import org.queuedesk.server.testing.CognitoLocal;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AdminCreateUserRequest;
import software.amazon.awssdk.services.cognitoidentityprovider.model.CreateUserPoolClientRequest;
import software.amazon.awssdk.services.cognitoidentityprovider.model.CreateUserPoolRequest;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ExplicitAuthFlowsType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.MessageActionType;

/** The desktop app's Cognito sign-in against cognito-local, through the real SDK. */
class CognitoSignInIT {

    private static CognitoLocal local;
    private static CognitoIdentityProviderClient admin;
    private static AuthConfigDto config;

    @BeforeAll
    static void start() {
        local = CognitoLocal.start();
        admin = local.client();
        String pool = admin.createUserPool(CreateUserPoolRequest.builder().poolName("clinic").build()).userPool().id();
        String client = admin.createUserPoolClient(CreateUserPoolClientRequest.builder().userPoolId(pool)
                .clientName("desk").explicitAuthFlows(ExplicitAuthFlowsType.ALLOW_USER_PASSWORD_AUTH,
                        ExplicitAuthFlowsType.ALLOW_REFRESH_TOKEN_AUTH).build()).userPoolClient().clientId();
        admin.adminCreateUser(AdminCreateUserRequest.builder().userPoolId(pool).username("nora")
                .temporaryPassword("First-pass-1").messageAction(MessageActionType.SUPPRESS).build());
        config = new AuthConfigDto(AuthConfigDto.COGNITO, CognitoLocal.REGION.id(), pool, client,
                local.endpoint().toString());
    }

    @AfterAll
    static void stop() {
        admin.close();
        local.close();
    }

    @Test
    void aFirstSignInSetsANewPasswordThenSignsInAndRefreshes() {
        try (var signIn = new CognitoSignIn(config)) {
            var first = signIn.signIn("nora", "First-pass-1");
            assertThat(first).isInstanceOf(CognitoSignIn.NewPasswordRequired.class);
            var tokens = signIn.completeNewPassword((CognitoSignIn.NewPasswordRequired) first, "Second-pass-2");
            assertThat(tokens.accessToken()).isNotBlank();
            assertThat(tokens.refreshToken()).isNotBlank();
            assertThat(tokens.username()).isEqualTo("nora");

            var again = signIn.signIn("nora", "Second-pass-2");
            assertThat(again).isInstanceOf(CognitoSignIn.SignedIn.class);

            // cognito-local only honours refresh tokens issued by InitiateAuth, so refresh the second sign-in's
            var signedIn = ((CognitoSignIn.SignedIn) again).tokens();
            var refreshed = signIn.refresh("nora", signedIn.refreshToken());
            assertThat(refreshed.accessToken()).isNotBlank();
            assertThat(refreshed.refreshToken()).isEqualTo(signedIn.refreshToken());
            signIn.signOut(signedIn.refreshToken());
        }
    }

    @Test
    void aWrongPasswordIsAReadableRefusal() {
        try (var signIn = new CognitoSignIn(config)) {
            assertThatThrownBy(() -> signIn.signIn("nora", "nope-nope-1"))
                    .isInstanceOf(CognitoSignIn.SignInException.class)
                    .hasMessageContaining("Wrong username or password");
        }
    }
}
