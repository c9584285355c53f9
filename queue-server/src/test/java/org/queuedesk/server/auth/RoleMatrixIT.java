package org.queuedesk.server.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.queuedesk.common.Role;
import org.queuedesk.common.auth.CreateUserRequest;
import org.queuedesk.common.auth.LoginRequest;
import org.queuedesk.common.auth.RegisterDeviceRequest;
import org.queuedesk.common.auth.RegisteredDeviceDto;
import org.queuedesk.common.auth.TokenResponse;
import org.queuedesk.server.testing.Api;
import org.queuedesk.server.testing.MutableClock;
import org.queuedesk.server.testing.RunningServer;

/**
 * Every route called as every kind of caller: each role, anonymous, and with expired, tampered, foreign and
 * revoked tokens. What each route must allow comes from {@code role-matrix.csv} in the test resources, a table
 * kept by hand apart from the route tree, so a role added to or dropped from a route by mistake fails here,
 * and so does a route the server publishes without a row in the table.
 */
class RoleMatrixIT {

    private static final MutableClock clock = new MutableClock(Instant.parse("2026-11-23T09:00:00Z"));
    @RegisterExtension
    static final RunningServer server = RunningServer.demoWithSignIn().withClock(clock);
    private static Api anonymous;
    private static final Map<String, String> tokens = new LinkedHashMap<>();
    private static final Map<String, String> pathValues = new LinkedHashMap<>();

    @BeforeAll
    static void start() throws Exception {
        anonymous = server.api();
        // an expired token first: signed in now, used after the clock moved past its lifetime
        String expired = login("admin", "admin").accessToken();
        clock.advance(Duration.ofMinutes(30));
        // the demo admin is also receptionist and doctor: an admin-only user shows what the admin role alone allows
        var demoAdmin = anonymous.withToken(login("admin", "admin").accessToken());
        assertThat(demoAdmin.post("/api/users", new CreateUserRequest("root", "root-password-1", List.of(Role.ADMIN)))
                .status()).isEqualTo(201);
        tokens.put("admin", login("root", "root-password-1").accessToken());
        tokens.put("receptionist", login("reception", "reception").accessToken());
        tokens.put("doctor", login("doctor", "doctor").accessToken());
        tokens.put("kiosk", Auth.DEMO_KIOSK_TOKEN);
        tokens.put("display", Auth.DEMO_DISPLAY_TOKEN);
        tokens.put("expired", expired);
        tokens.put("tampered", tamper(tokens.get("doctor")));
        tokens.put("foreign", foreignToken());
        tokens.put("revoked-device", revokedDevice());

        var admin = demoAdmin;
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
        // the demo doctor's own schedule, so the doctor row is about the role, not about reading another's
        pathValues.put("doctor", "doctor");
        pathValues.put("date", "2026-12-24");
        pathValues.put("appointmentId", "1");
        pathValues.put("alertId", "1"); // no such alert: a 404 lets the caller in
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

    /** One route: its method (WS for the WebSocket upgrade), its path as published, and who may call it. */
    record Route(String method, String path) {
        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    /** The table in test resources: route to the roles a clinic expects ("public": anyone). */
    private static Map<Route, Set<String>> expectedRoles() throws IOException {
        var table = new LinkedHashMap<Route, Set<String>>();
        try (var in = RoleMatrixIT.class.getResourceAsStream("/role-matrix.csv")) {
            assertThat(in).as("role-matrix.csv in the test resources").isNotNull();
            var lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .map(String::strip)
                    .filter(line -> !line.isEmpty() && !line.startsWith("#") && !line.equals("method,path,roles"))
                    .toList();
            for (String line : lines) {
                String[] columns = line.split(",", -1);
                assertThat(columns).as("role-matrix.csv: %s", line).hasSize(3);
                var roles = new TreeSet<>(List.of(columns[2].strip().split("\\s+")));
                var previous = table.put(new Route(columns[0].strip(), columns[1].strip()), roles);
                assertThat(previous).as("role-matrix.csv has %s %s twice", columns[0], columns[1]).isNull();
            }
        }
        return table;
    }

    /** What the server publishes in its OpenAPI document: each operation and its declared roles. */
    private static Map<Route, Set<String>> publishedRoles() {
        JsonNode paths = anonymous.get("/openapi.json").json().get("paths");
        var published = new LinkedHashMap<Route, Set<String>>();
        paths.fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(op -> {
            var roles = new TreeSet<String>();
            op.getValue().path("x-roles").forEach(r -> roles.add(r.asText()));
            String method = op.getValue().has("x-websocket") ? "WS" : op.getKey().toUpperCase(Locale.ROOT);
            published.put(new Route(method, path.getKey()), roles);
        }));
        return published;
    }

    @Test
    void everyRouteTheServerPublishesHasARowInTheTable() throws IOException {
        var table = expectedRoles();
        var published = publishedRoles();
        var problems = new ArrayList<String>();
        published.forEach((route, roles) -> {
            if (!table.containsKey(route)) {
                problems.add(route + " is published (x-roles " + roles + ") but missing from role-matrix.csv:"
                        + " add a row with the roles a clinic expects for it");
            } else if (!table.get(route).equals(roles)) {
                problems.add(route + " is published with x-roles " + roles + " but role-matrix.csv says "
                        + table.get(route));
            }
        });
        table.keySet().stream().filter(route -> !published.containsKey(route))
                .forEach(route -> problems.add(route + " is in role-matrix.csv but the server does not publish it"));
        assertThat(problems).as("role-matrix.csv against /openapi.json").isEmpty();
    }

    @Test
    void everyRouteLetsInExactlyTheRolesOfItsRow() throws Exception {
        var published = publishedRoles().keySet();
        var failures = new ArrayList<String>();
        int checked = 0;
        for (var row : expectedRoles().entrySet()) {
            Route route = row.getKey();
            if (!published.contains(route)) {
                continue; // reported by everyRouteTheServerPublishesHasARowInTheTable
            }
            String path = route.path();
            for (var value : pathValues.entrySet()) {
                path = path.replace("{" + value.getKey() + "}", value.getValue());
            }
            for (String caller : callers()) {
                int status = route.method().equals("WS") ? upgrade(path, tokens.get(caller))
                        : call(route.method(), path, tokens.get(caller));
                int expected = expectedFor(row.getValue(), caller);
                boolean ok = expected == 0 ? status != 401 && status != 403 && status < 500 : status == expected;
                if (!ok) {
                    failures.add(route + " as " + caller + ": " + status
                            + (expected == 0 ? " (expected access)" : " (expected " + expected + ")"));
                }
                checked++;
            }
        }
        assertThat(failures).as("of %d checks against role-matrix.csv", checked).isEmpty();
        assertThat(checked).isGreaterThan(500);
    }

    private static List<String> callers() {
        var all = new ArrayList<>(List.of("anonymous"));
        all.addAll(tokens.keySet());
        return all;
    }

    /** 0 means "let in": any answer but 401, 403 or a server error. */
    private static int expectedFor(Set<String> roles, String caller) {
        if (roles.contains("public")) {
            return 0;
        }
        return switch (caller) {
            case "anonymous", "expired", "tampered", "foreign", "revoked-device" -> 401;
            default -> roles.contains(caller) ? 0 : 403;
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

    /** The WebSocket handshake's status: 101 when the stream opened (then closed at once), else the refusal's. */
    private static int upgrade(String path, String token) throws Exception {
        var url = URI.create(server.baseUrl().replace("http", "ws") + path
                + (token == null ? "" : "?access_token=" + URLEncoder.encode(token, StandardCharsets.UTF_8)));
        try {
            WebSocket socket = anonymous.http().newWebSocketBuilder()
                    .buildAsync(url, new WebSocket.Listener() { })
                    .get(10, TimeUnit.SECONDS);
            socket.abort();
            return 101;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof WebSocketHandshakeException refused) {
                return refused.getResponse().statusCode();
            }
            throw e;
        }
    }
}
