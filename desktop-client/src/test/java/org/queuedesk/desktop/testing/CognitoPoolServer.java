package org.queuedesk.desktop.testing;

import java.time.Clock;
import org.queuedesk.server.auth.AuthSettings;
import org.queuedesk.server.testing.CognitoLocal;
import org.queuedesk.server.testing.TestServer;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AdminAddUserToGroupRequest;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AdminCreateUserRequest;
import software.amazon.awssdk.services.cognitoidentityprovider.model.CreateGroupRequest;
import software.amazon.awssdk.services.cognitoidentityprovider.model.CreateUserPoolClientRequest;
import software.amazon.awssdk.services.cognitoidentityprovider.model.CreateUserPoolRequest;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ExplicitAuthFlowsType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.MessageActionType;

/**
 * A real queue server (demo data) whose sign-in is a fresh cognito-local user pool ("clinic", app client
 * "desk" with password and refresh sign-ins), as the server is configured for Amazon Cognito. Users are added
 * before the test signs in; {@link #close()} stops the server, then cognito-local.
 */
public record CognitoPoolServer(CognitoLocal cognito, CognitoIdentityProviderClient idp, String pool,
                                TestServer server) implements AutoCloseable {

    public static CognitoPoolServer start() {
        CognitoLocal cognito = CognitoLocal.start();
        CognitoIdentityProviderClient idp = cognito.client();
        String pool = idp.createUserPool(CreateUserPoolRequest.builder().poolName("clinic").build()).userPool().id();
        String client = idp.createUserPoolClient(CreateUserPoolClientRequest.builder().userPoolId(pool).clientName("desk")
                .explicitAuthFlows(ExplicitAuthFlowsType.ALLOW_USER_PASSWORD_AUTH,
                        ExplicitAuthFlowsType.ALLOW_REFRESH_TOKEN_AUTH).build()).userPoolClient().clientId();
        var settings = AuthSettings.cognito(CognitoLocal.REGION.id(), pool, client, cognito.jwksUrl(pool),
                cognito.endpoint() + "/" + pool, AuthSettings.parseGroupRoles(null), cognito.endpoint().toString());
        TestServer server = TestServer.startWith(Clock.systemUTC(), c -> c.withAuth(settings).withDemo(true));
        return new CognitoPoolServer(cognito, idp, pool, server);
    }

    /** A user an admin created with a temporary password (no e-mail sent), in these groups (new ones). */
    public CognitoPoolServer withUser(String username, String temporaryPassword, String... groups) {
        idp.adminCreateUser(AdminCreateUserRequest.builder().userPoolId(pool).username(username)
                .temporaryPassword(temporaryPassword).messageAction(MessageActionType.SUPPRESS).build());
        for (String group : groups) {
            idp.createGroup(CreateGroupRequest.builder().userPoolId(pool).groupName(group).build());
            idp.adminAddUserToGroup(AdminAddUserToGroupRequest.builder().userPoolId(pool).username(username)
                    .groupName(group).build());
        }
        return this;
    }

    public String baseUrl() {
        return server.baseUrl();
    }

    @Override
    public void close() {
        server.close();
        idp.close();
        cognito.close();
    }
}
