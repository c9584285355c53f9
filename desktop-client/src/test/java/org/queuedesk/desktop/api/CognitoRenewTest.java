package org.queuedesk.desktop.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.queuedesk.common.auth.AuthConfigDto;

/**
 * A desk renewing its Cognito sign-in: only the pool refusing the refresh token ends the sign-in (401); a
 * throttled or failing pool is "try again later" (IOException), or one busy minute at the pool would sign every
 * desk out. The real SDK client against a stand-in endpoint that answers in Cognito's JSON protocol.
 */
class CognitoRenewTest {

    private HttpServer pool;

    @AfterEach
    void stop() {
        pool.stop(0);
    }

    @Test
    void aThrottledPoolIsTriedAgainLaterAndDoesNotEndTheSignIn() throws Exception {
        Throwable thrown = renewAgainst(400, "TooManyRequestsException", "Rate exceeded");
        assertThat(thrown).isInstanceOf(IOException.class);
    }

    @Test
    void aFailingPoolIsTriedAgainLaterAndDoesNotEndTheSignIn() throws Exception {
        Throwable thrown = renewAgainst(500, "InternalErrorException", "Internal error");
        assertThat(thrown).isInstanceOf(IOException.class);
    }

    @Test
    void aRefusedRefreshTokenEndsTheSignIn() throws Exception {
        Throwable thrown = renewAgainst(400, "NotAuthorizedException", "Refresh Token has expired");
        assertThat(thrown).isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status()).isEqualTo(401));
    }

    private Throwable renewAgainst(int status, String errorType, String message) throws IOException {
        pool = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        pool.createContext("/", exchange -> {
            exchange.getRequestBody().readAllBytes();
            byte[] body = ("{\"__type\":\"" + errorType + "\",\"message\":\"" + message + "\"}")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/x-amz-json-1.1");
            exchange.getResponseHeaders().add("x-amzn-ErrorType", errorType);
            exchange.sendResponseHeaders(status, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        pool.start();
        var config = new AuthConfigDto(AuthConfigDto.COGNITO, "eu-west-1", "eu-west-1_test", "client",
                "http://127.0.0.1:" + pool.getAddress().getPort());
        try (var cognito = new CognitoSignIn(config)) {
            return catchThrowable(() -> cognito.renew("doctor", "refresh-token"));
        }
    }
}
