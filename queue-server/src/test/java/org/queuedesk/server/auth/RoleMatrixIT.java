package org.queuedesk.server.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.queuedesk.common.auth.LoginRequest;
import org.queuedesk.common.auth.RegisterDeviceRequest;
import org.queuedesk.common.auth.RegisteredDeviceDto;
import org.queuedesk.common.auth.TokenResponse;
import org.queuedesk.server.testing.Api;
import org.queuedesk.server.testing.MutableClock;
import org.queuedesk.server.testing.TestServer;

/**
 * Every route the server lists in its OpenAPI document, called as every kind of caller: each role,
 * anonymous, and with expired, tampered and foreign tokens. A route that declares no roles fails here.
 */
class RoleMatrixIT {

    private static final MutableClock clock = new MutableClock(Instant.parse("2026-11-23T09:00:00Z"));
    private static TestServer server;
    private static Api anonymous;
    private static final Map<String, String> tokens = new LinkedHashMap<>();
    private static final Map<String, String> pathValues = new LinkedHashMap<>();

    @BeforeAll
    static void start() throws Exception {
        server = TestServer.startDemoWithSignIn(clock);
        anonymous = server.api();
        // an expired token first: signed in now, used after the clock moved past its lifetime
        String expired = login("admin", "admin").accessToken();
        clock.advance(Duration.ofMinutes(30));
        tokens.put("admin", login("admin", "admin").accessToken());
        tokens.put("receptionist", login("reception", "reception").accessToken());
        tokens.put("doctor", login("doctor", "doctor").accessToken());
        tokens.put("kiosk", Auth.DEMO_KIOSK_TOKEN);
        tokens.put("display", Auth.DEMO_DISPLAY_TOKEN);
        tokens.put("expired", expired);
        tokens.put("tampered", tamper(tokens.get("doctor")));
        tokens.put("foreign", foreignToken());
        tokens.put("revoked-device", revokedDevice());

        var admin = anonymous.withToken(tokens.get("admin"));
        // a fresh kiosk ticket: the kiosk may fetch only such a ticket's status link; staff may use any ticket
        long ticket = anonymous.withToken(Auth.DEMO_KIOSK_TOKEN).issue(1).id();
        pathValues.put("siteId", "1");
        pathValues.put("serviceId", "1");
        pathValues.put("roomId", "1");
        pathValues.put("ticketId", Long.toString(ticket));
        pathValues.put("sessionId", Long.toString(admin.openSession(1, List.of(1L), "doctor").id()));
        pathValues.put("deviceId", Long.toString(admin.post("/api/devices",
                new RegisterDeviceRequest(1L, "Spare display", "display")).as(RegisteredDeviceDto.class).device().id()));
        pathValues.put("username", "nurse");
        pathValues.put("token", "no-such-token");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static TokenResponse login(String user, String password) {
        return anonymous.post("/api/auth/login", new LoginRequest(user, password)).as(TokenResponse.class);
    }

    /** The doctor's token with an admin role written into it; the signature no longer matches. */
    private static String tamper(String token) {
        String[] parts = token.split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1])).replace("\"doctor\"", "\"admin\"");
        return parts[0] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(payload.getBytes()) + "." + parts[2];
    }

    /** Well-formed, unexpired, right issuer and claims, but signed with another server's key. */
    private static String foreignToken() throws Exception {
        var claims = new JWTClaimsSet.Builder().issuer("queuedesk").subject("admin")
                .expirationTime(Date.from(clock.instant().plus(Duration.ofMinutes(5))))
                .claim("roles", List.of("admin")).claim("token_use", "access").build();
        var jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
        jwt.sign(new MACSigner(new byte[32]));
        return jwt.serialize();
    }

    private static String revokedDevice() {
        var admin = anonymous.withToken(tokens.get("admin"));
        var device = admin.post("/api/devices", new RegisterDeviceRequest(1L, "Old kiosk", "kiosk"))
                .as(RegisteredDeviceDto.class);
        admin.post("/api/devices/" + device.device().id() + "/revoke", null);
        return device.token();
    }

    record Operation(String method, String path, Set<String> roles, boolean websocket) {
    }

    private static List<Operation> operations() {
        JsonNode paths = anonymous.get("/openapi.json").json().get("paths");
        var operations = new ArrayList<Operation>();
        paths.fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(op -> {
            JsonNode roles = op.getValue().get("x-roles");
            assertThat(roles).as("%s %s declares its roles", op.getKey(), path.getKey()).isNotNull();
            assertThat(roles.size()).as("%s %s declares its roles", op.getKey(), path.getKey()).isPositive();
            var set = new TreeSet<String>();
            roles.forEach(r -> set.add(r.asText()));
            operations.add(new Operation(op.getKey().toUpperCase(), path.getKey(), set,
                    op.getValue().has("x-websocket")));
        }));
        return operations;
    }

    @Test
    void everyRouteAnswersEveryCallerAsItsDeclaredRolesSay() {
        var failures = new ArrayList<String>();
        int checked = 0;
        for (Operation op : operations()) {
            if (op.websocket()) {
                continue; // the stream's upgrade is covered in BuiltInSignInIT
            }
            String path = op.path();
            for (var value : pathValues.entrySet()) {
                path = path.replace("{" + value.getKey() + "}", value.getValue());
            }
            for (String caller : callers()) {
                int status = call(op.method(), path, tokens.get(caller));
                int expected = expectedFor(op, caller);
                boolean ok = expected == 0 ? status != 401 && status != 403 && status < 500 : status == expected;
                if (!ok) {
                    failures.add(op.method() + " " + op.path() + " as " + caller + ": " + status
                            + (expected == 0 ? " (expected access)" : " (expected " + expected + ")"));
                }
                checked++;
            }
        }
        assertThat(failures).as("of %d checks", checked).isEmpty();
        assertThat(checked).isGreaterThan(300);
    }

    private static List<String> callers() {
        var all = new ArrayList<>(List.of("anonymous"));
        all.addAll(tokens.keySet());
        return all;
    }

    /** 0 means "let in": any answer but 401, 403 or a server error. */
    private static int expectedFor(Operation op, String caller) {
        if (op.roles().contains("public")) {
            return 0;
        }
        return switch (caller) {
            case "anonymous", "expired", "tampered", "foreign", "revoked-device" -> 401;
            default -> op.roles().contains(caller) ? 0 : 403;
        };
    }

    private static int call(String method, String path, String token) {
        var request = HttpRequest.newBuilder(URI.create(server.baseUrl() + path))
                .header("Content-Type", "application/json")
                .method(method, method.equals("GET") ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString("{}"));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return anonymous.send(request).status();
    }
}
