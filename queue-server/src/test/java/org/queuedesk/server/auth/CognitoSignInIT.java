package org.queuedesk.server.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.queuedesk.common.Role;
import org.queuedesk.common.auth.LoginRequest;
import org.queuedesk.common.auth.WhoAmIDto;
import org.queuedesk.common.site.CreateSiteRequest;
import org.queuedesk.server.testing.Api;
import org.queuedesk.server.testing.CognitoLocal;
import org.queuedesk.server.testing.TestServer;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AdminAddUserToGroupRequest;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AdminCreateUserRequest;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthFlowType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthenticationResultType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ChallengeNameType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.CreateGroupRequest;
import software.amazon.awssdk.services.cognitoidentityprovider.model.CreateUserPoolClientRequest;
import software.amazon.awssdk.services.cognitoidentityprovider.model.CreateUserPoolRequest;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ExplicitAuthFlowsType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.InitiateAuthRequest;
import software.amazon.awssdk.services.cognitoidentityprovider.model.MessageActionType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.RespondToAuthChallengeRequest;

/** The server verifying real Cognito tokens, issued by cognito-local through the real AWS SDK. */
class CognitoSignInIT {

    private static CognitoLocal cognito;
    private static CognitoIdentityProviderClient idp;
    private static String poolId;
    private static String clientId;
    private static String otherPoolId;
    private static String otherClientId;
    private static TestServer server;
    private static Api anonymous;

    @BeforeAll
    static void start() {
        cognito = CognitoLocal.start();
        idp = cognito.client();
        poolId = idp.createUserPool(CreateUserPoolRequest.builder().poolName("clinic").build()).userPool().id();
        clientId = newClient(poolId);
        otherPoolId = idp.createUserPool(CreateUserPoolRequest.builder().poolName("elsewhere").build()).userPool().id();
        otherClientId = newClient(otherPoolId);
        for (String group : new String[] {"admin", "front-desk", "doctor"}) {
            idp.createGroup(CreateGroupRequest.builder().userPoolId(poolId).groupName(group).build());
        }
        createUser(poolId, "ana", "admin");
        createUser(poolId, "rob", "front-desk");
        createUser(poolId, "dora", "doctor");
        createUser(otherPoolId, "eve", null);

        var settings = AuthSettings.cognito(CognitoLocal.REGION.id(), poolId, clientId, cognito.jwksUrl(poolId),
                cognito.endpoint() + "/" + poolId, AuthSettings.parseGroupRoles("front-desk=receptionist"),
                cognito.endpoint().toString());
        server = TestServer.startWith(Clock.systemUTC(), c -> c.withAuth(settings).withDemo(true));
        anonymous = server.api();
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
        if (idp != null) {
            idp.close();
        }
        if (cognito != null) {
            cognito.close();
        }
    }

    private static String newClient(String pool) {
        return idp.createUserPoolClient(CreateUserPoolClientRequest.builder().userPoolId(pool).clientName("desk")
                .explicitAuthFlows(ExplicitAuthFlowsType.ALLOW_USER_PASSWORD_AUTH,
                        ExplicitAuthFlowsType.ALLOW_REFRESH_TOKEN_AUTH)
                .build()).userPoolClient().clientId();
    }

    private static void createUser(String pool, String name, String group) {
        idp.adminCreateUser(AdminCreateUserRequest.builder().userPoolId(pool).username(name)
                .temporaryPassword("Temporary-1").messageAction(MessageActionType.SUPPRESS).build());
        if (group != null) {
            addToGroup(name, group);
        }
    }

    private static void addToGroup(String name, String group) {
        idp.adminAddUserToGroup(AdminAddUserToGroupRequest.builder().userPoolId(poolId).username(name)
                .groupName(group).build());
    }

    /** USER_PASSWORD_AUTH; a first sign-in answers NEW_PASSWORD_REQUIRED, which we complete. */
    private static AuthenticationResultType signIn(String client, String name) {
        var first = idp.initiateAuth(InitiateAuthRequest.builder().clientId(client)
                .authFlow(AuthFlowType.USER_PASSWORD_AUTH)
                .authParameters(Map.of("USERNAME", name, "PASSWORD", "Temporary-1")).build());
        if (first.challengeName() == ChallengeNameType.NEW_PASSWORD_REQUIRED) {
            return idp.respondToAuthChallenge(RespondToAuthChallengeRequest.builder().clientId(client)
                    .challengeName(ChallengeNameType.NEW_PASSWORD_REQUIRED).session(first.session())
                    .challengeResponses(Map.of("USERNAME", name, "NEW_PASSWORD", "Permanent-123")).build())
                    .authenticationResult();
        }
        return first.authenticationResult();
    }

    private static AuthenticationResultType signInAgain(String name) {
        return idp.initiateAuth(InitiateAuthRequest.builder().clientId(clientId).authFlow(AuthFlowType.USER_PASSWORD_AUTH)
                .authParameters(Map.of("USERNAME", name, "PASSWORD", "Permanent-123")).build()).authenticationResult();
    }

    @Test
    void theServerTellsClientsToSignInWithCognitoAndRefusesBuiltInSignIn() {
        var config = anonymous.get("/api/auth/config").json();
        assertThat(config.get("provider").asText()).isEqualTo("cognito");
        assertThat(config.get("cognitoUserPoolId").asText()).isEqualTo(poolId);
        assertThat(config.get("cognitoClientId").asText()).isEqualTo(clientId);
        assertThat(anonymous.post("/api/auth/login", new LoginRequest("admin", "admin")).status()).isEqualTo(409);
    }

    @Test
    void poolGroupsBecomeRolesForIdAndAccessTokens() {
        var ana = signIn(clientId, "ana");
        var me = anonymous.withToken(ana.idToken()).get("/api/auth/me").as(WhoAmIDto.class);
        assertThat(me.name()).isEqualTo("ana");
        assertThat(me.roles()).containsExactly(Role.ADMIN);
        assertThat(anonymous.withToken(ana.accessToken()).get("/api/auth/me").as(WhoAmIDto.class).roles())
                .containsExactly(Role.ADMIN);
        assertThat(anonymous.withToken(ana.idToken()).post("/api/sites", new CreateSiteRequest("North", "UTC")).status())
                .isEqualTo(201);

        var rob = signIn(clientId, "rob");
        var reception = anonymous.withToken(rob.idToken());
        assertThat(reception.get("/api/auth/me").as(WhoAmIDto.class).roles()).containsExactly(Role.RECEPTIONIST);
        assertThat(reception.post("/api/tickets", "{\"serviceId\":1}").status()).isEqualTo(201);
        assertThat(reception.post("/api/sites", new CreateSiteRequest("South", "UTC")).status()).isEqualTo(403);
    }

    @Test
    void tokensOfAnotherPoolOrClientAndTamperedTokensAreRefused() {
        var eve = signIn(otherClientId, "eve");
        assertThat(anonymous.withToken(eve.idToken()).get("/api/sites").status()).isEqualTo(401);
        assertThat(anonymous.withToken(eve.accessToken()).get("/api/sites").status()).isEqualTo(401);

        String otherClient = newClient(poolId);
        var dora = signIn(otherClient, "dora");
        assertThat(anonymous.withToken(dora.idToken()).get("/api/sites").status()).isEqualTo(401);

        String good = signInAgainOrFirst("dora").idToken();
        assertThat(anonymous.withToken(good).get("/api/sites").status()).isEqualTo(200);
        String[] parts = good.split("\\.");
        String forged = parts[0] + "." + parts[1].substring(0, parts[1].length() - 2) + "AA." + parts[2];
        assertThat(anonymous.withToken(forged).get("/api/sites").status()).isEqualTo(401);
    }

    private static AuthenticationResultType signInAgainOrFirst(String name) {
        try {
            return signInAgain(name);
        } catch (RuntimeException firstTime) {
            return signIn(clientId, name);
        }
    }

    @Test
    void aGroupChangeTakesEffectAtTheNextSignIn() {
        createUser(poolId, "gus", "front-desk");
        var before = signIn(clientId, "gus");
        assertThat(anonymous.withToken(before.idToken()).post("/api/sessions", "{\"roomId\":2,\"serviceIds\":[1]}")
                .status()).isEqualTo(403);
        addToGroup("gus", "doctor");
        assertThat(anonymous.withToken(before.idToken()).post("/api/sessions", "{\"roomId\":2,\"serviceIds\":[1]}")
                .status()).isEqualTo(403);
        var after = signInAgain("gus");
        assertThat(anonymous.withToken(after.idToken()).get("/api/auth/me").as(WhoAmIDto.class).roles())
                .containsExactlyInAnyOrder(Role.RECEPTIONIST, Role.DOCTOR);
        assertThat(anonymous.withToken(after.idToken()).post("/api/sessions", "{\"roomId\":2,\"serviceIds\":[1]}")
                .status()).isEqualTo(201);
    }

    @Test
    void devicesStillSignInWithTheirOwnTokens() {
        assertThat(anonymous.withToken(Auth.DEMO_DISPLAY_TOKEN).get("/api/sites/1/queue-status").status()).isEqualTo(200);
        assertThat(anonymous.withToken(Auth.DEMO_DISPLAY_TOKEN).post("/api/tickets", "{\"serviceId\":1}").status())
                .isEqualTo(403);
    }
}
