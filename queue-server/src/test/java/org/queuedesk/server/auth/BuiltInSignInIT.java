package org.queuedesk.server.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.WebSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.queuedesk.common.Role;
import org.queuedesk.common.auth.CreateUserRequest;
import org.queuedesk.common.auth.LoginRequest;
import org.queuedesk.common.auth.RefreshRequest;
import org.queuedesk.common.auth.RegisterDeviceRequest;
import org.queuedesk.common.auth.RegisteredDeviceDto;
import org.queuedesk.common.auth.ResetPasswordRequest;
import org.queuedesk.common.auth.TokenResponse;
import org.queuedesk.common.auth.WhoAmIDto;
import org.queuedesk.common.ticket.IssueTicketRequest;
import org.queuedesk.common.ticket.Priority;
import org.queuedesk.common.ticket.TicketDto;
import org.queuedesk.common.ticket.TicketSource;
import org.queuedesk.server.testing.Api;
import org.queuedesk.server.testing.MutableClock;
import org.queuedesk.server.testing.RunningServer;

class BuiltInSignInIT {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-23T09:00:00Z"));
    @RegisterExtension
    final RunningServer server = RunningServer.demoWithSignIn().withClock(clock);
    private Api anonymous;
    private Api admin;

    @BeforeEach
    void start() {
        anonymous = server.api();
        admin = anonymous.signedInAs("admin", "admin");
    }

    private Api.Response login(String user, String password) {
        return anonymous.post("/api/auth/login", new LoginRequest(user, password));
    }

    @Test
    void theServerAnnouncesItsProviderAndDemoUsersCanSignIn() {
        assertThat(anonymous.get("/api/auth/config").json().get("provider").asText()).isEqualTo("builtin");
        var me = anonymous.signedInAs("reception", "reception").get("/api/auth/me").as(WhoAmIDto.class);
        assertThat(me.name()).isEqualTo("reception");
        assertThat(me.roles()).containsExactly(Role.RECEPTIONIST);
        assertThat(me.device()).isFalse();
    }

    @Test
    void withoutATokenStaffRoutesAnswer401AndAWrongPasswordIsRefused() {
        var noToken = anonymous.get("/api/sites");
        assertThat(noToken.status()).isEqualTo(401);
        assertThat(noToken.contentType()).startsWith("application/problem+json");
        var wrong = login("doctor", "not-the-password");
        assertThat(wrong.status()).isEqualTo(401);
        assertThat(wrong.json().get("detail").asText()).isEqualTo("Wrong username or password.");
        assertThat(login("nobody", "whatever").json().get("detail").asText()).isEqualTo("Wrong username or password.");
    }

    @Test
    void passwordsAreStoredAsBcryptHashesOnly() {
        String hash = server.server().database().read(h -> h.createQuery(
                "SELECT password_hash FROM users WHERE username = 'doctor'").mapTo(String.class).one());
        assertThat(hash).startsWith("$2").doesNotContain("doctor");
        var hasher = new PasswordHasher(4);
        assertThat(hasher.matches("doctor", hash)).isTrue();
        assertThat(hasher.matches("Doctor", hash)).isFalse();
    }

    @Test
    void repeatedFailuresLockTheAccountEvenForTheRightPasswordUntilTheLockRunsOut() {
        for (int i = 0; i < 5; i++) {
            assertThat(login("doctor", "wrong-" + i).status()).isEqualTo(401);
        }
        var locked = login("doctor", "doctor");
        assertThat(locked.status()).isEqualTo(429);
        assertThat(locked.json().get("detail").asText()).contains("Too many failed sign-ins");

        clock.advance(Duration.ofMinutes(2));
        assertThat(login("doctor", "doctor").status()).isEqualTo(200);

        // failures go on after a lock: each further one locks twice as long (attempts while locked don't count)
        for (int i = 0; i < 5; i++) {
            login("doctor", "wrong-" + i);
        }
        clock.advance(Duration.ofMinutes(1).plusSeconds(1));
        assertThat(login("doctor", "wrong-again").status()).isEqualTo(401);
        clock.advance(Duration.ofMinutes(1).plusSeconds(1));
        assertThat(login("doctor", "doctor").status()).isEqualTo(429);
        clock.advance(Duration.ofMinutes(1));
        assertThat(login("doctor", "doctor").status()).isEqualTo(200);

        var audit = admin.get("/api/audit").json().toString();
        assertThat(audit).contains("sign-in.failed").contains("sign-in.locked").contains("sign-in");
    }

    @Test
    void anAdminResetUnlocksAndEndsTheUsersSessions() {
        var before = login("doctor", "doctor").as(TokenResponse.class);
        for (int i = 0; i < 5; i++) {
            login("doctor", "wrong");
        }
        assertThat(admin.post("/api/users/doctor/password", new ResetPasswordRequest("a-new-long-password")).status())
                .isEqualTo(200);
        assertThat(login("doctor", "a-new-long-password").status()).isEqualTo(200);
        assertThat(anonymous.post("/api/auth/refresh", new RefreshRequest(before.refreshToken())).status()).isEqualTo(401);
    }

    @Test
    void aDisabledUserCannotSignInOrRefresh() {
        var tokens = login("nurse", "nurse").as(TokenResponse.class);
        assertThat(admin.post("/api/users/nurse/disable", null).status()).isEqualTo(200);
        var refused = login("nurse", "nurse");
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.json().get("detail").asText()).contains("disabled");
        assertThat(anonymous.post("/api/auth/refresh", new RefreshRequest(tokens.refreshToken())).status()).isEqualTo(401);
        admin.post("/api/users/nurse/enable", null);
        assertThat(login("nurse", "nurse").status()).isEqualTo(200);
    }

    @Test
    void accessTokensExpireAndRefreshTokensRotate() {
        var tokens = login("doctor", "doctor").as(TokenResponse.class);
        var doctor = anonymous.withToken(tokens.accessToken());
        assertThat(doctor.get("/api/sites").status()).isEqualTo(200);
        assertThat(tokens.expiresInSeconds()).isEqualTo(600);

        clock.advance(Duration.ofMinutes(11));
        assertThat(doctor.get("/api/sites").status()).isEqualTo(401);

        var renewed = anonymous.post("/api/auth/refresh", new RefreshRequest(tokens.refreshToken())).as(TokenResponse.class);
        assertThat(anonymous.withToken(renewed.accessToken()).get("/api/sites").status()).isEqualTo(200);
        // a refresh token works once
        assertThat(anonymous.post("/api/auth/refresh", new RefreshRequest(tokens.refreshToken())).status()).isEqualTo(401);

        assertThat(anonymous.post("/api/auth/logout", new RefreshRequest(renewed.refreshToken())).status()).isEqualTo(204);
        assertThat(anonymous.post("/api/auth/refresh", new RefreshRequest(renewed.refreshToken())).status()).isEqualTo(401);
    }

    @Test
    void anAdminCreatesUsersWithRolesAndTheChangeIsAudited() {
        var created = admin.post("/api/users", new CreateUserRequest("dr.lopez", "correct-horse-battery", List.of(Role.DOCTOR)));
        assertThat(created.status()).isEqualTo(201);
        assertThat(anonymous.signedInAs("dr.lopez", "correct-horse-battery").get("/api/auth/me").as(WhoAmIDto.class)
                .roles()).containsExactly(Role.DOCTOR);
        assertThat(admin.post("/api/users", new CreateUserRequest("dr.lopez", "correct-horse-battery",
                List.of(Role.DOCTOR))).status()).isEqualTo(409);
        assertThat(admin.post("/api/users", new CreateUserRequest("x", "short", List.of(Role.DOCTOR))).status())
                .isEqualTo(400);
        assertThat(admin.post("/api/users", new CreateUserRequest("kiosk1", "long-enough-pass", List.of(Role.KIOSK)))
                .status()).isEqualTo(400);
        assertThat(anonymous.signedInAs("reception", "reception").post("/api/users",
                new CreateUserRequest("sneaky", "long-enough-pass", List.of(Role.ADMIN))).status()).isEqualTo(403);
        assertThat(admin.get("/api/audit").body()).contains("user.created").contains("dr.lopez");
    }

    /** Bcrypt reads at most 72 bytes; 40 "ñ" are 40 characters but 80 bytes in UTF-8. */
    @Test
    void aPasswordOverBcrypts72BytesIsRefusedNamingTheLimitAndNeverA500() {
        String eighty = "ñ".repeat(40);
        var created = admin.post("/api/users", new CreateUserRequest("dr.nunez", eighty, List.of(Role.DOCTOR)));
        assertThat(created.status()).isEqualTo(400);
        assertThat(created.contentType()).startsWith("application/problem+json");
        assertThat(created.json().get("errors").get("password").asText()).contains("80 bytes").contains("72 bytes");

        var reset = admin.post("/api/users/doctor/password", new ResetPasswordRequest(eighty));
        assertThat(reset.status()).isEqualTo(400);
        assertThat(reset.json().get("errors").get("password").asText()).contains("72 bytes");

        var wrong = login("doctor", eighty);
        assertThat(wrong.status()).isEqualTo(401);
        assertThat(wrong.json().get("detail").asText()).isEqualTo("Wrong username or password.");
        assertThat(login("nobody", eighty).status()).isEqualTo(401);

        // 36 "ñ" are exactly 72 bytes: allowed, and signs in
        String seventyTwo = "ñ".repeat(36);
        assertThat(admin.post("/api/users", new CreateUserRequest("dr.nunez", seventyTwo, List.of(Role.DOCTOR)))
                .status()).isEqualTo(201);
        assertThat(login("dr.nunez", seventyTwo).status()).isEqualTo(200);
    }

    @Test
    void aKioskIssuesOnlyPlainWalkInTicketsAtItsSiteAndCanBeRevoked() {
        var registered = admin.post("/api/devices", new RegisterDeviceRequest(1L, "Lobby kiosk", "kiosk"))
                .as(RegisteredDeviceDto.class);
        assertThat(registered.token()).startsWith("qdd_").hasSizeGreaterThan(40);
        assertThat(admin.get("/api/devices").body()).contains("Lobby kiosk").doesNotContain(registered.token());

        var kiosk = anonymous.withToken(registered.token());
        assertThat(kiosk.get("/api/sites/1/services").status()).isEqualTo(200);
        // a field a kiosk may not set is refused, naming it, instead of dropped: the kiosk must not believe it applied
        var refusals = java.util.Map.of(
                "priority", new IssueTicketRequest(1L, Priority.EMERGENCY, null, null, null, null),
                "source", new IssueTicketRequest(1L, null, TicketSource.RECEPTION, null, null, null),
                "patientName", new IssueTicketRequest(1L, null, null, "Name Given", null, null),
                "assignedDoctor", new IssueTicketRequest(1L, null, null, null, null, "doctor"));
        refusals.forEach((field, request) -> {
            var refused = kiosk.post("/api/tickets", request);
            assertThat(refused.status()).as(field).isEqualTo(403);
            assertThat(refused.contentType()).startsWith("application/problem+json");
            assertThat(refused.json().get("errors").has(field)).as(field).isTrue();
        });
        var ticket = kiosk.post("/api/tickets", new IssueTicketRequest(1L, null, TicketSource.KIOSK, null, null, null))
                .as(TicketDto.class);
        assertThat(ticket.source()).isEqualTo(TicketSource.KIOSK);
        assertThat(ticket.priority()).isEqualTo(Priority.NORMAL);
        assertThat(ticket.patientName()).isNull();
        assertThat(ticket.assignedDoctor()).isNull();

        assertThat(kiosk.get("/api/tickets/" + ticket.id()).status()).isEqualTo(403);
        // the status link (which can cancel) only for the kiosk's own fresh ticket, never for another one
        assertThat(kiosk.get("/api/tickets/" + ticket.id() + "/status-link").status()).isEqualTo(200);
        long receptionTicket = admin.issue(1).id();
        assertThat(kiosk.get("/api/tickets/" + receptionTicket + "/status-link").status()).isEqualTo(403);
        clock.advance(Duration.ofMinutes(20));
        assertThat(kiosk.get("/api/tickets/" + ticket.id() + "/status-link").status()).isEqualTo(403);
        clock.advance(Duration.ofMinutes(-20));
        assertThat(kiosk.post("/api/sessions/1/next", null).status()).isEqualTo(403);

        var otherSite = admin.post("/api/sites", new org.queuedesk.common.site.CreateSiteRequest("Other", "UTC")).json()
                .get("id").asLong();
        assertThat(kiosk.get("/api/sites/" + otherSite + "/services").status()).isEqualTo(403);

        admin.post("/api/devices/" + registered.device().id() + "/revoke", null);
        assertThat(kiosk.get("/api/sites/1/services").status()).isEqualTo(401);
    }

    @Test
    void theStreamNeedsATokenAndADisplayNeverReceivesNamesOrPhones() throws Exception {
        var refused = connect(null, new LinkedBlockingQueue<>());
        assertThat(refused).failsWithin(10, TimeUnit.SECONDS).withThrowableOfType(java.util.concurrent.ExecutionException.class);

        var displayMessages = new LinkedBlockingQueue<String>();
        var staffMessages = new LinkedBlockingQueue<String>();
        var display = connect(org.queuedesk.server.auth.Auth.DEMO_DISPLAY_TOKEN, displayMessages).get(10, TimeUnit.SECONDS);
        var reception = anonymous.post("/api/auth/login", new LoginRequest("reception", "reception")).as(TokenResponse.class);
        var staff = connect(reception.accessToken(), staffMessages).get(10, TimeUnit.SECONDS);

        anonymous.withToken(reception.accessToken())
                .post("/api/tickets", new IssueTicketRequest(1L, null, null, "Ana Ruiz", "+34600123456", null));

        String forDisplay = displayMessages.poll(10, TimeUnit.SECONDS);
        String forStaff = staffMessages.poll(10, TimeUnit.SECONDS);
        assertThat(forStaff).contains("Ana Ruiz");
        assertThat(forDisplay).contains("ticket.issued").doesNotContain("Ana").doesNotContain("600123456");
        display.abort();
        staff.abort();
    }

    /** Revoking a device closes its open stream at once, and it cannot open another. */
    @Test
    void revokingADeviceClosesItsOpenStreamAtOnce() throws Exception {
        var registered = admin.post("/api/devices", new RegisterDeviceRequest(1L, "Hall display", "display"))
                .as(RegisteredDeviceDto.class);
        var closed = new CompletableFuture<String>();
        var messages = new LinkedBlockingQueue<String>();
        connect(registered.token(), messages, closed).get(10, TimeUnit.SECONDS);
        var other = new CompletableFuture<String>();
        connect(org.queuedesk.server.auth.Auth.DEMO_DISPLAY_TOKEN, new LinkedBlockingQueue<>(), other)
                .get(10, TimeUnit.SECONDS);

        admin.post("/api/devices/" + registered.device().id() + "/revoke", null);

        assertThat(closed.get(10, TimeUnit.SECONDS)).isEqualTo("1008 This display was revoked; an administrator can "
                + "register it again.");
        assertThat(connect(registered.token(), new LinkedBlockingQueue<>(), new CompletableFuture<>()))
                .failsWithin(10, TimeUnit.SECONDS).withThrowableOfType(java.util.concurrent.ExecutionException.class);
        admin.issue(1);
        assertThat(other).isNotDone(); // another device's stream stays open
    }

    /** Disabling a user ends their access token and their open streams at once, not 10 minutes later. */
    @Test
    void disablingAUserClosesTheirOpenStreamAndRefusesTheirAccessToken() throws Exception {
        var nurse = login("nurse", "nurse").as(TokenResponse.class);
        var closed = new CompletableFuture<String>();
        connect(nurse.accessToken(), new LinkedBlockingQueue<>(), closed).get(10, TimeUnit.SECONDS);
        var doctorClosed = new CompletableFuture<String>();
        connect(login("doctor", "doctor").as(TokenResponse.class).accessToken(), new LinkedBlockingQueue<>(),
                doctorClosed).get(10, TimeUnit.SECONDS);

        assertThat(admin.post("/api/users/nurse/disable", null).status()).isEqualTo(200);

        assertThat(closed.get(10, TimeUnit.SECONDS)).isEqualTo("1008 Your account was disabled; ask an administrator.");
        assertThat(anonymous.withToken(nurse.accessToken()).get("/api/sites").status()).isEqualTo(401);
        assertThat(connect(nurse.accessToken(), new LinkedBlockingQueue<>(), new CompletableFuture<>()))
                .failsWithin(10, TimeUnit.SECONDS).withThrowableOfType(java.util.concurrent.ExecutionException.class);
        assertThat(doctorClosed).isNotDone();

        admin.post("/api/users/nurse/enable", null);
        assertThat(anonymous.withToken(nurse.accessToken()).get("/api/sites").status()).isEqualTo(200);
    }

    private CompletableFuture<WebSocket> connect(String token, LinkedBlockingQueue<String> messages,
                                                 CompletableFuture<String> closed) {
        String url = server.baseUrl().replace("http", "ws") + "/api/sites/1/events?access_token=" + token;
        return anonymous.http().newWebSocketBuilder().buildAsync(URI.create(url), new WebSocket.Listener() {
            @Override
            public java.util.concurrent.CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
                messages.add(data.toString());
                ws.request(1);
                return null;
            }

            @Override
            public java.util.concurrent.CompletionStage<?> onClose(WebSocket ws, int statusCode, String reason) {
                closed.complete(statusCode + " " + reason);
                return null;
            }
        });
    }

    private CompletableFuture<WebSocket> connect(String token, LinkedBlockingQueue<String> messages) {
        String url = server.baseUrl().replace("http", "ws") + "/api/sites/1/events"
                + (token == null ? "" : "?access_token=" + token);
        return anonymous.http().newWebSocketBuilder().buildAsync(URI.create(url), new WebSocket.Listener() {
            @Override
            public java.util.concurrent.CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
                messages.add(data.toString());
                ws.request(1);
                return null;
            }
        });
    }
}
