package org.queuedesk.server.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.queuedesk.server.auth.Auth;
import org.queuedesk.server.testing.Api;
import org.queuedesk.server.testing.MutableClock;
import org.queuedesk.server.testing.TestServer;

/**
 * The API contract: a realistic day at a clinic (kiosk and reception issue tickets, a doctor calls, recalls,
 * marks a no-show, serves; reception requeues, transfers, cancels; staff read lists and histories; sign-in,
 * refresh and sign-out; the usual 400/401/403/404/409/422 refusals) replayed against a real server with
 * real sign-in, every exchange checked against the server's own {@code /openapi.json} as a validating proxy
 * would. Any response the document does not describe fails the test, naming the call and the mismatch.
 */
class OpenApiContractIT {

    private static final MutableClock clock = new MutableClock(Instant.parse("2026-11-23T08:00:00Z"));
    private static TestServer server;
    private static JsonNode doc;
    private static OpenApiValidator validator;
    private final List<String> mismatches = new ArrayList<>();
    private final TreeSet<String> called = new TreeSet<>();

    @BeforeAll
    static void start() throws java.io.IOException {
        server = TestServer.startDemoWithSignIn(clock);
        var served = server.api().get("/openapi.json");
        doc = served.json();
        // kept for a linter (npx @redocly/cli lint target/openapi.json)
        java.nio.file.Files.writeString(java.nio.file.Path.of("target", "openapi.json"), served.body());
        validator = new OpenApiValidator(doc);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    /** What the issue asks of the document itself, before any traffic. */
    @Test
    void theDocumentDeclaresWhatTheIssueAsksFor() {
        var ids = new HashSet<String>();
        doc.get("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(op -> {
            String where = op.getKey() + " " + path.getKey();
            String id = op.getValue().path("operationId").asText("");
            assertThat(id).as(where + " operationId").isNotBlank();
            assertThat(ids.add(id)).as(where + " operationId unique").isTrue();
            boolean isPublic = op.getValue().get("x-roles").toString().contains("public");
            assertThat(op.getValue().has("security") && op.getValue().get("security").isEmpty())
                    .as(where + " security: [] exactly when public").isEqualTo(isPublic);
            if (!isPublic) {
                assertThat(op.getValue().get("responses").has("401")).as(where + " 401").isTrue();
                assertThat(op.getValue().get("responses").has("403")).as(where + " 403").isTrue();
                assertThat(op.getValue().at("/responses/403/content").has("application/problem+json")).isTrue();
            }
        }));
        var paths = doc.get("paths");
        assertThat(paths.at("/~1api~1sessions~1{sessionId}~1next/post/requestBody/required").asBoolean(true)).isFalse();
        assertThat(paths.at("/~1api~1auth~1logout/post/responses").has("204")).isTrue();
        assertThat(paths.at("/~1api~1sites~1{siteId}~1events/get/responses").has("101")).isTrue();
        assertThat(paths.at("/~1api~1sites~1{siteId}~1events/get/description").asText()).contains("WebSocket");
        var schemas = doc.at("/components/schemas");
        assertThat(schemas.at("/TicketEventDto/properties/fromState/type").toString()).contains("null");
        assertThat(schemas.at("/TicketEventDto/properties/fromState/enum").toString()).contains("null");
        assertThat(schemas.at("/NextResult/properties/called").toString()).contains("null");
        assertThat(schemas.at("/TicketDto/properties/id/type").asText()).isEqualTo("integer");
        assertThat(schemas.at("/TicketDto/properties/state/type").asText()).isEqualTo("string");
        assertThat(schemas.at("/TicketDto/properties/calledAt/type").toString()).contains("null");
        assertThat(schemas.has("Problem")).isTrue();
    }

    /** The validator itself: it must see what a document does not allow, or a green day proves nothing. */
    @Test
    void theValidatorRefusesWhatTheDocumentDoesNotDescribe() {
        String ticket = "{\"id\":1,\"siteId\":1,\"serviceId\":1,\"number\":\"A-001\",\"serviceDate\":\"2026-11-23\","
                + "\"state\":null,\"priority\":\"normal\",\"source\":\"kiosk\",\"patientName\":null,\"phone\":null,"
                + "\"assignedDoctor\":null,\"roomId\":null,\"sessionId\":null,\"returnServiceId\":null,"
                + "\"issuedAt\":\"2026-11-23T08:00:00Z\",\"queuedAt\":\"2026-11-23T08:00:00Z\",\"calledAt\":null,"
                + "\"finishedAt\":null,\"recallCount\":0}";
        assertThat(validator.check(new OpenApiValidator.Exchange("GET", "/api/tickets/1", true, "", false, 200,
                "application/json", ticket))).anySatisfy(m -> assertThat(m).contains("/state"));
        assertThat(validator.check(new OpenApiValidator.Exchange("GET", "/api/tickets/1", true, "", false, 200,
                "application/json", ticket.replace("\"state\":null", "\"state\":\"waiting\"")))).isEmpty();
        assertThat(validator.check(new OpenApiValidator.Exchange("GET", "/api/tickets/1", true, "", false, 200,
                "application/json", ticket.replace("\"state\":null", "\"state\":\"waiting\",\"extra\":1"))))
                .anySatisfy(m -> assertThat(m).contains("extra"));
        assertThat(validator.check(new OpenApiValidator.Exchange("GET", "/api/tickets/1", true, "", false, 418,
                "application/problem+json", "{\"status\":418}"))).anySatisfy(m -> assertThat(m).contains("not declared"));
        assertThat(validator.check(new OpenApiValidator.Exchange("GET", "/api/sites", false, "", false, 200,
                "application/json", "[]"))).anySatisfy(m -> assertThat(m).contains("security"));
        assertThat(validator.check(new OpenApiValidator.Exchange("GET", "/nowhere", true, "", false, 200,
                "application/json", "{}"))).anySatisfy(m -> assertThat(m).contains("no such path"));
    }

    @Test
    void aRealisticDayMatchesTheDocument() throws Exception {
        var anonymous = server.api();
        // sign-in: reception, a doctor, the demo admin; a wrong password first
        call(anonymous, "GET", "/health", null, 200);
        call(anonymous, "GET", "/api/auth/config", null, 200);
        call(anonymous, "POST", "/api/auth/login", Map.of("username", "reception", "password", "wrong"), 401);
        var receptionLogin = call(anonymous, "POST", "/api/auth/login",
                Map.of("username", "reception", "password", "reception"), 200).json();
        var reception = anonymous.withToken(receptionLogin.get("accessToken").asText());
        var doctor = anonymous.withToken(call(anonymous, "POST", "/api/auth/login",
                Map.of("username", "doctor", "password", "doctor"), 200).json().get("accessToken").asText());
        var admin = anonymous.withToken(call(anonymous, "POST", "/api/auth/login",
                Map.of("username", "admin", "password", "admin"), 200).json().get("accessToken").asText());
        var kiosk = anonymous.withToken(Auth.DEMO_KIOSK_TOKEN);
        var display = anonymous.withToken(Auth.DEMO_DISPLAY_TOKEN);
        call(reception, "GET", "/api/auth/me", null, 200);
        call(kiosk, "GET", "/api/auth/me", null, 200);

        // the desk starts: sites, services, rooms, the board
        call(reception, "GET", "/api/sites", null, 200);
        call(reception, "GET", "/api/sites/1", null, 200);
        call(kiosk, "GET", "/api/sites/1/services", null, 200);
        call(display, "GET", "/api/sites/1/rooms", null, 200);
        call(display, "GET", "/api/sites/1/queue-status", null, 200);
        call(reception, "GET", "/api/sites/1/devices/printers", null, 200);
        call(kiosk, "POST", "/api/devices/me/printer", Map.of("state", "ok"), 200);

        // patients arrive: at the kiosk (with and without a phone) and at reception (a name, a priority)
        long walkIn = call(kiosk, "POST", "/api/tickets", Map.of("serviceId", 1), 201).json().get("id").asLong();
        long withPhone = call(kiosk, "POST", "/api/tickets", Map.of("serviceId", 1, "phone", "+34612345678"), 201)
                .json().get("id").asLong();
        long named = call(reception, "POST", "/api/tickets",
                Map.of("serviceId", 1, "patientName", "Ana García", "priority", "priority", "language", "es"), 201,
                "day-named-1").json().get("id").asLong();
        call(reception, "POST", "/api/tickets",
                Map.of("serviceId", 1, "patientName", "Ana García", "priority", "priority", "language", "es"), 201,
                "day-named-1");
        call(reception, "POST", "/api/tickets", Map.of("serviceId", 2), 422, "day-named-1");
        long second = call(reception, "POST", "/api/tickets", Map.of("serviceId", 1), 201).json().get("id").asLong();
        long toCancel = call(reception, "POST", "/api/tickets", Map.of("serviceId", 2), 201).json().get("id").asLong();
        call(reception, "POST", "/api/tickets", Map.of("serviceId", 999), 422);
        call(reception, "POST", "/api/tickets", Map.of("serviceId", 1, "phone", "12345"), 400);
        callBad(reception, "POST", "/api/tickets", "{\"serviceId\":\"one\"}", 400);
        call(display, "POST", "/api/tickets", Map.of("serviceId", 1), 403);
        call(kiosk, "POST", "/api/tickets", Map.of("serviceId", 1, "priority", "emergency"), 403);
        call(anonymous, "GET", "/api/sites", null, 401);

        // the patient's status page, reached through the link on the ticket
        String url = call(kiosk, "GET", "/api/tickets/" + withPhone + "/status-link", null, 200).json().get("url").asText();
        String token = URI.create(url).getPath();
        call(anonymous, "GET", token + "/status", null, 200);
        call(anonymous, "GET", token, null, 200);
        call(anonymous, "GET", token + "/events", null, 406);
        call(anonymous, "GET", "/t/no-such-token/status", null, 404);
        call(reception, "GET", "/api/tickets/" + withPhone + "/sms", null, 200);
        call(reception, "GET", "/api/tickets/" + withPhone + "/phone", null, 200);

        // the doctor opens a session and works the queue
        long session = call(doctor, "POST", "/api/sessions",
                Map.of("roomId", 1, "serviceIds", List.of(1), "doctor", "doctor"), 201, "day-session").json()
                .get("id").asLong();
        call(doctor, "POST", "/api/sessions", Map.of("roomId", 999, "serviceIds", List.of(1), "doctor", "doctor"), 422);
        call(doctor, "GET", "/api/sessions/" + session, null, 200);
        var first = call(doctor, "POST", "/api/sessions/" + session + "/next", null, 200).json();
        long current = first.at("/called/id").asLong();
        call(doctor, "POST", "/api/sessions/" + session + "/recall", null, 200);
        clock.advance(Duration.ofMinutes(1));
        call(doctor, "POST", "/api/sessions/" + session + "/no-show", null, 200);
        call(reception, "POST", "/api/tickets/" + current + "/requeue", null, 200);
        call(reception, "POST", "/api/tickets/" + current + "/requeue", null, 409);
        var next = call(doctor, "POST", "/api/sessions/" + session + "/next", Map.of("expectedCurrentTicketId", 0), 200)
                .json();
        assertThat(next.at("/called/id").isIntegralNumber()).isTrue();
        call(doctor, "POST", "/api/sessions/" + session + "/next", Map.of("expectedCurrentTicketId", 999_999), 409);
        call(doctor, "POST", "/api/sessions/" + session + "/serve", null, 200);
        clock.advance(Duration.ofMinutes(2));
        call(doctor, "POST", "/api/sessions/" + session + "/done", null, 200);
        call(doctor, "POST", "/api/sessions/" + session + "/done", null, 409);
        // after Done nobody is current: 0 says so
        call(doctor, "POST", "/api/sessions/" + session + "/next", Map.of("expectedCurrentTicketId", 0), 200);
        call(doctor, "POST", "/api/sessions/" + session + "/pause", null, 200);
        call(doctor, "POST", "/api/sessions/" + session + "/resume", null, 200);

        // reception moves what waits: a transfer, a priority, a cancel (twice: the second is refused)
        long waiting = firstWaiting(reception, List.of(named, second, walkIn, withPhone), current);
        call(reception, "POST", "/api/tickets/" + waiting + "/transfer", Map.of("toServiceId", 2, "returnAfter", true), 200);
        call(reception, "POST", "/api/tickets/" + waiting + "/transfer", Map.of("toServiceId", 999), 422);
        call(reception, "POST", "/api/tickets/" + waiting + "/priority", Map.of("priority", "emergency"), 200);
        call(reception, "POST", "/api/tickets/" + toCancel + "/cancel", null, 200, "day-cancel");
        call(reception, "POST", "/api/tickets/" + toCancel + "/cancel", null, 409);

        // lists and histories, as the desks and the board read them
        call(reception, "GET", "/api/tickets/" + current + "/history", null, 200);
        call(reception, "GET", "/api/tickets/" + waiting, null, 200);
        call(reception, "GET", "/api/services/1/tickets", null, 200);
        call(reception, "GET", "/api/services/2/tickets?date=2026-11-23", null, 200);
        String number = call(reception, "GET", "/api/tickets/" + walkIn, null, 200).json().get("number").asText();
        call(reception, "GET", "/api/sites/1/tickets?number=" + number, null, 200);
        call(reception, "GET", "/api/sites/1/tickets?number=Z-999", null, 404);
        call(reception, "GET", "/api/sites/1/tickets?number=nonsense", null, 400);
        call(display, "GET", "/api/sites/1/queue-status", null, 200);
        call(reception, "GET", "/api/tickets/999999", null, 404);
        call(reception, "GET", "/api/tickets/abc", null, 400);
        call(doctor, "GET", "/api/tickets/" + walkIn + "/phone", null, 403);
        call(reception, "GET", "/api/services/1/sms-texts", null, 200);
        call(reception, "GET", "/api/sites/1/sms-settings", null, 200);

        // the admin's side
        call(admin, "GET", "/api/users", null, 200);
        call(admin, "POST", "/api/users", Map.of("username", "porter", "password", "porter-password-1",
                "roles", List.of("receptionist")), 201);
        call(admin, "POST", "/api/users", Map.of("username", "porter", "password", "porter-password-1",
                "roles", List.of("receptionist")), 409);
        call(admin, "POST", "/api/users/porter/disable", null, 200);
        call(admin, "GET", "/api/devices", null, 200);
        call(admin, "GET", "/api/audit?limit=5", null, 200);
        // alerts: thresholds (the README's defaults), a refused one, the open list, an unknown alert
        var rules = call(admin, "GET", "/api/sites/1/alert-rules", null, 200);
        call(admin, "PUT", "/api/sites/1/alert-rules", org.queuedesk.common.alert.AlertRulesDto.defaults(), 200);
        call(admin, "PUT", "/api/services/1/alert-rules", org.queuedesk.common.alert.AlertRulesDto.defaults(), 200);
        call(admin, "GET", "/api/services/1/alert-rules", null, 200);
        call(admin, "PUT", "/api/sites/1/alert-rules", Map.of("holdSeconds", -1), 400);
        assertThat(rules.json().path("oldestWaitMinutes").path("critical").asInt()).isEqualTo(45);
        call(reception, "GET", "/api/sites/1/alerts", null, 200);
        call(reception, "POST", "/api/alerts/999999/acknowledge", null, 404);
        call(admin, "POST", "/api/admin/privacy/purge", null, 200);
        call(reception, "GET", "/api/users", null, 403);

        // the end of the day: the doctor closes, reception refreshes its sign-in, then signs out
        call(doctor, "POST", "/api/sessions/" + session + "/close", null, 409);
        call(doctor, "POST", "/api/sessions/" + session + "/done", null, 200);
        call(doctor, "POST", "/api/sessions/" + session + "/close", null, 200);
        call(doctor, "POST", "/api/sessions/" + session + "/next", null, 409);
        // appointments: the demo doctor's schedule, free slots, a booking, a full slot, move, check-in
        var block = Map.of("weekday", 1, "start", "09:00", "end", "17:00", "serviceIds", java.util.List.of(1),
                "slotMinutes", 15);
        var weekly = new java.util.ArrayList<Object>();
        for (int day = 1; day <= 7; day++) {
            var b = new java.util.HashMap<String, Object>(block);
            b.put("weekday", day);
            weekly.add(b);
        }
        call(admin, "PUT", "/api/sites/1/schedules/doctor", Map.of("blocks", weekly), 200);
        call(doctor, "GET", "/api/sites/1/schedules/doctor", null, 200);
        call(doctor, "GET", "/api/sites/1/schedules/admin", null, 403);
        call(admin, "POST", "/api/sites/1/schedules/doctor/exceptions", Map.of("date", "2026-12-24", "note", "Eve"), 201);
        call(admin, "DELETE", "/api/sites/1/schedules/doctor/exceptions/2026-12-24", null, 204);
        call(admin, "DELETE", "/api/sites/1/schedules/doctor/exceptions/2026-12-24", null, 404);
        call(reception, "GET", "/api/sites/1/slot-days?serviceId=1&doctor=doctor", null, 200);
        call(reception, "GET", "/api/sites/1/slots?serviceId=1&limit=0", null, 400);
        var slots = call(reception, "GET", "/api/sites/1/slots?serviceId=1&doctor=doctor&limit=2", null, 200).json()
                .get("slots");
        String firstSlot = slots.get(0).get("start").asText();
        String secondSlot = slots.get(1).get("start").asText();
        var booking = call(reception, "POST", "/api/appointments", Map.of("serviceId", 1, "doctor", "doctor",
                "slotStart", firstSlot, "patientName", "Ana", "phone", "+34612345678"), 201).json();
        long appointment = booking.get("id").asLong();
        call(reception, "POST", "/api/appointments", Map.of("serviceId", 1, "slotStart", firstSlot, "patientName", "Bea"), 409);
        call(reception, "POST", "/api/appointments", Map.of("serviceId", 1, "slotStart", "2020-01-01T09:00:00Z",
                "patientName", "Bea"), 422);
        call(reception, "GET", "/api/sites/1/appointments", null, 200);
        call(reception, "GET", "/api/sites/1/appointments?code=" + booking.get("code").asText(), null, 200);
        call(doctor, "GET", "/api/appointments/" + appointment, null, 200);
        call(reception, "POST", "/api/appointments/" + appointment + "/move", Map.of("slotStart", secondSlot), 200);
        call(reception, "POST", "/api/appointments/" + appointment + "/check-in", null, 200);
        call(reception, "POST", "/api/appointments/" + appointment + "/cancel", null, 409);
        var refreshed = call(anonymous, "POST", "/api/auth/refresh",
                Map.of("refreshToken", receptionLogin.get("refreshToken").asText()), 200).json();
        call(anonymous, "POST", "/api/auth/logout", Map.of("refreshToken", refreshed.get("refreshToken").asText()), 204);
        call(anonymous, "POST", "/api/auth/refresh", Map.of("refreshToken", refreshed.get("refreshToken").asText()), 401);

        assertThat(mismatches).as("responses /openapi.json does not describe, over %d calls of %s", called.size(), called)
                .isEmpty();
    }

    /** A ticket still waiting at service 1 (Next calls by priority, so which one is left depends on the rules). */
    private long firstWaiting(Api reception, List<Long> candidates, long exclude) {
        for (long id : candidates) {
            if (id != exclude && call(reception, "GET", "/api/tickets/" + id, null, 200).json().get("state").asText()
                    .equals("waiting")) {
                return id;
            }
        }
        throw new AssertionError("no ticket left waiting among " + candidates);
    }

    private Api.Response call(Api client, String method, String path, Object body, int expected) {
        return call(client, method, path, body, expected, null);
    }

    private Api.Response call(Api client, String method, String path, Object body, int expected, String key) {
        String text;
        try {
            text = body == null ? "" : Api.JSON.writeValueAsString(body);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        return exchange(client, method, path, text, expected, key, false);
    }

    /** A request that is itself outside the contract (a string for a number), to see the refusal is described. */
    private Api.Response callBad(Api client, String method, String path, String body, int expected) {
        return exchange(client, method, path, body, expected, null, true);
    }

    private Api.Response exchange(Api client, String method, String path, String body, int expected, String key,
                                  boolean deliberatelyBad) {
        Api.Response response;
        if (method.equals("GET")) {
            response = client.get(path);
        } else if (method.equals("POST")) {
            response = client.postRaw(path, body, key);
        } else { // PUT and DELETE
            response = client.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(client.baseUrl() + path))
                    .header("Content-Type", "application/json")
                    .method(method, body.isEmpty() ? java.net.http.HttpRequest.BodyPublishers.noBody()
                            : java.net.http.HttpRequest.BodyPublishers.ofString(body)));
        }
        called.add(method + " " + path.replaceAll("/[0-9]+", "/{id}").replaceAll("\\?.*", ""));
        assertThat(response.status()).as(method + " " + path + ": " + response.body()).isEqualTo(expected);
        boolean withToken = client != server.api();
        mismatches.addAll(validator.check(new OpenApiValidator.Exchange(method, path, withToken, body, deliberatelyBad,
                response.status(), response.contentType(), response.body())));
        return response;
    }
}
