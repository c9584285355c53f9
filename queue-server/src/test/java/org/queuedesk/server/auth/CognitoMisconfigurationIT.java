package org.queuedesk.server.auth;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.queuedesk.server.testing.CognitoLocal;
import org.queuedesk.server.testing.MutableClock;
import org.queuedesk.server.testing.TestServer;
import org.slf4j.LoggerFactory;
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

/**
 * A wrong --cognito-jwks-url or --cognito-issuer refuses every staff token; that must show in
 * the log, in /health and in the audit log (rate-limited), against real tokens from cognito-local.
 */
class CognitoMisconfigurationIT {

    private static CognitoLocal cognito;
    private static CognitoIdentityProviderClient idp;
    private static String poolId;
    private static String clientId;
    private static AuthenticationResultType ana;
    private final MutableClock clock = new MutableClock(Instant.now());
    private final ListAppender<ILoggingEvent> logs = new ListAppender<>();
    private final Logger cognitoLog = (Logger) LoggerFactory.getLogger(CognitoTokens.class);
    private TestServer server;

    @BeforeAll
    static void startCognito() {
        cognito = CognitoLocal.start();
        idp = cognito.client();
        poolId = idp.createUserPool(CreateUserPoolRequest.builder().poolName("clinic").build()).userPool().id();
        clientId = idp.createUserPoolClient(CreateUserPoolClientRequest.builder().userPoolId(poolId).clientName("desk")
                .explicitAuthFlows(ExplicitAuthFlowsType.ALLOW_USER_PASSWORD_AUTH).build()).userPoolClient().clientId();
        idp.createGroup(CreateGroupRequest.builder().userPoolId(poolId).groupName("admin").build());
        idp.adminCreateUser(AdminCreateUserRequest.builder().userPoolId(poolId).username("ana")
                .temporaryPassword("Temporary-1").messageAction(MessageActionType.SUPPRESS).build());
        idp.adminAddUserToGroup(AdminAddUserToGroupRequest.builder().userPoolId(poolId).username("ana")
                .groupName("admin").build());
        var first = idp.initiateAuth(InitiateAuthRequest.builder().clientId(clientId)
                .authFlow(AuthFlowType.USER_PASSWORD_AUTH)
                .authParameters(Map.of("USERNAME", "ana", "PASSWORD", "Temporary-1")).build());
        ana = first.challengeName() == ChallengeNameType.NEW_PASSWORD_REQUIRED
                ? idp.respondToAuthChallenge(RespondToAuthChallengeRequest.builder().clientId(clientId)
                        .challengeName(ChallengeNameType.NEW_PASSWORD_REQUIRED).session(first.session())
                        .challengeResponses(Map.of("USERNAME", "ana", "NEW_PASSWORD", "Permanent-123")).build())
                        .authenticationResult()
                : first.authenticationResult();
    }

    @AfterAll
    static void stopCognito() {
        if (idp != null) {
            idp.close();
        }
        if (cognito != null) {
            cognito.close();
        }
    }

    @BeforeEach
    void captureLogs() {
        logs.start();
        cognitoLog.addAppender(logs);
    }

    @AfterEach
    void stop() {
        cognitoLog.detachAppender(logs);
        if (server != null) {
            server.close();
        }
    }

    private void start(String jwksUrl, String issuer) {
        var settings = AuthSettings.cognito(CognitoLocal.REGION.id(), poolId, clientId, jwksUrl, issuer,
                AuthSettings.parseGroupRoles(null), cognito.endpoint().toString());
        server = TestServer.startWith(clock, c -> c.withAuth(settings));
    }

    private String rightIssuer() {
        return cognito.endpoint() + "/" + poolId;
    }

    @Test
    void withTheRightSettingsHealthIsUpAndTheKeysAreNamedAtStartUp() {
        start(cognito.jwksUrl(poolId), rightIssuer());
        assertThat(server.api().withToken(ana.accessToken()).get("/api/auth/me").status()).isEqualTo(200);
        var health = server.api().get("/health").json();
        assertThat(health.get("status").asText()).isEqualTo("UP");
        assertThat(health.get("components").get("cognito").get("status").asText()).isEqualTo("UP");
        assertThat(messages(Level.INFO)).anySatisfy(m -> assertThat(m).contains("Cognito sign-in")
                .contains(cognito.jwksUrl(poolId)).contains("60 s clock tolerance"));
    }

    @Test
    void aWrongJwksUrlIsAnErrorAtStartUpAndDegradesHealth() throws Exception {
        int closedPort;
        try (var socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        String wrong = "http://127.0.0.1:" + closedPort + "/" + poolId + "/.well-known/jwks.json";
        start(wrong, rightIssuer());

        assertThat(messages(Level.ERROR)).anySatisfy(m -> assertThat(m)
                .contains("will refuse every staff token").contains(wrong));
        var health = server.api().get("/health");
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.json().get("status").asText()).isEqualTo("DEGRADED");
        assertThat(health.json().get("components").get("cognito").get("reason").asText())
                .contains("signing keys").contains(wrong);

        assertThat(server.api().withToken(ana.idToken()).get("/api/sites").status()).isEqualTo(401);
        assertThat(audited()).anySatisfy(e -> assertThat(e.detail()).contains(wrong));
    }

    @Test
    void aWrongIssuerIsLoggedAuditedOncePerMinuteAndDegradesHealthWithoutTheToken() {
        String wrong = cognito.endpoint() + "/us-east-1_NotThePool";
        start(cognito.jwksUrl(poolId), wrong);
        assertThat(server.api().get("/health").json().get("status").asText()).isEqualTo("UP"); // keys are fine

        for (int i = 0; i < 50; i++) {
            assertThat(server.api().withToken(ana.idToken()).get("/api/sites").status()).isEqualTo(401);
        }

        var health = server.api().get("/health").json();
        assertThat(health.get("status").asText()).isEqualTo("DEGRADED");
        assertThat(health.get("components").get("cognito").get("reason").asText())
                .contains("iss").contains(wrong).contains("--cognito-issuer");
        assertThat(messages(Level.WARN)).hasSize(1).allSatisfy(m -> assertThat(m)
                .contains("'ana'").contains(wrong).doesNotContain(ana.idToken()));
        assertThat(audited()).hasSize(1);

        clock.advance(Duration.ofSeconds(61));
        server.api().withToken(ana.idToken()).get("/api/sites");
        assertThat(audited()).hasSize(2).first().satisfies(e -> assertThat(e.detail()).contains("and 49 more refused"));
        assertThat(audited()).allSatisfy(e -> assertThat(e.detail() + e.subject()).doesNotContain(ana.idToken()));
    }

    private java.util.List<String> messages(Level level) {
        return logs.list.stream().filter(e -> e.getLevel() == level).map(ILoggingEvent::getFormattedMessage).toList();
    }

    private java.util.List<AuditEntry> audited() {
        return server.server().auth().audit().latest(200).stream()
                .filter(e -> e.action().equals("sign-in.refused")).toList();
    }
}
