package org.queuedesk.server.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.queuedesk.server.ground.RouteSpec;
import org.queuedesk.server.testing.Api;
import org.queuedesk.server.testing.MutableClock;
import org.queuedesk.server.testing.TestServer;

/**
 * The route tree as the features declared it: every route is listed with its roles (as {@code role-matrix.csv}
 * expects), the routes declared idempotent are those {@code idempotent-routes.csv} expects, and every one of
 * them behaves as README's rule says: the same key and body give the same answer again with
 * {@code Idempotent-Replayed: true}, the same key with another body is a 422. The last is driven from the tree,
 * so a route newly declared idempotent is checked (it needs a scenario below) without anyone remembering to.
 */
class RouteTreeIT {

    private static final MutableClock clock = new MutableClock(Instant.parse("2026-11-23T09:00:00Z"));
    private static TestServer server;
    private static Api api;
    private static int clinics;

    @BeforeAll
    static void start() {
        server = TestServer.start(clock);
        api = server.api();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void everyRouteIsListedWithTheRolesOfTheRoleMatrix() throws IOException {
        List<String> listed = server.server().routes().describe();
        Files.write(Path.of("target", "routes.txt"), listed); // for a reader: every route and who may call it
        var withoutFlag = listed.stream().map(line -> line.replaceFirst(" idempotent$", "")).sorted().toList();
        var expected = rows("/role-matrix.csv", 3).stream()
                .map(row -> row[0] + " " + row[1] + " " + String.join(" ", Arrays.stream(row[2].split(" ")).sorted().toList()))
                .sorted().toList();
        assertThat(withoutFlag).isEqualTo(expected);
    }

    @Test
    void theRoutesDeclaredIdempotentAreExactlyTheTable() {
        var declared = idempotentRoutes().map(RouteTreeIT::name).sorted().toList();
        var expected = rows("/idempotent-routes.csv", 2).stream().map(row -> row[0] + " " + row[1]).sorted().toList();
        assertThat(declared).isEqualTo(expected);
    }

    @TestFactory
    Stream<DynamicTest> everyIdempotentRouteReplaysARetryAndRefusesItsKeyForAnotherRequest() {
        return idempotentRoutes().map(route -> DynamicTest.dynamicTest(name(route), () -> {
            var scenario = SCENARIOS.get(name(route));
            assertThat(scenario).as("%s is declared idempotent: add a scenario for it to RouteTreeIT", name(route))
                    .isNotNull();
            Attempt attempt = scenario.apply(newClinic());
            String key = "drift-" + name(route).replaceAll("[^a-z-]", "");

            var first = post(attempt.path(), attempt.body(), key);
            assertThat(first.statusCode()).as("%s first: %s", name(route), first.body()).isBetween(200, 299);
            assertThat(first.headers().firstValue("Idempotent-Replayed")).isEmpty();

            var retry = post(attempt.path(), attempt.body(), key);
            assertThat(retry.statusCode()).as("%s retry: %s", name(route), retry.body()).isEqualTo(first.statusCode());
            assertThat(retry.body()).isEqualTo(first.body());
            assertThat(retry.headers().firstValue("Idempotent-Replayed")).contains("true");

            var other = post(attempt.path(), attempt.otherBody(), key);
            assertThat(other.statusCode()).as("%s other body: %s", name(route), other.body()).isEqualTo(422);
            assertThat(other.headers().firstValue("Content-Type")).hasValueSatisfying(
                    type -> assertThat(type).startsWith("application/problem+json"));
        }));
    }

    /** A request that succeeds once, and another (a different body) for the same route. */
    private record Attempt(String path, String body, String otherBody) {
    }

    /** A fresh site with two services and a doctor's session in a room, so no scenario sees another's tickets. */
    private record Clinic(long site, long service, long otherService, long session) {
        long waiting() {
            return api.issue(service).id();
        }

        long called() {
            long ticket = waiting();
            assertThat(api.next(session).called().id()).isEqualTo(ticket);
            return ticket;
        }

        String ticket(long id, String action) {
            return "/api/tickets/" + id + "/" + action;
        }

        String session(String action) {
            return "/api/sessions/" + session + "/" + action;
        }

        /** Today's (UTC) 10:00 + n quarter hours in a doctor's Monday schedule, written first (again: the same). */
        String appointmentSlot(int n) {
            int user = api.post("/api/users", new org.queuedesk.common.auth.CreateUserRequest("appt.doctor",
                    "a-long-enough-password-1", List.of(org.queuedesk.common.Role.DOCTOR))).status();
            assertThat(user).isIn(201, 409);
            var schedule = "{\"blocks\":[{\"weekday\":1,\"start\":\"09:00\",\"end\":\"12:00\",\"serviceIds\":["
                    + service + "],\"slotMinutes\":15}]}";
            var put = api.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(api.baseUrl() + "/api/sites/" + site
                    + "/schedules/appt.doctor")).header("Content-Type", "application/json")
                    .PUT(java.net.http.HttpRequest.BodyPublishers.ofString(schedule)));
            assertThat(put.status()).as(put.body()).isEqualTo(200);
            // the clock is Monday 23 November 2026, 09:00 at this UTC site: later slots of the day
            return Instant.parse("2026-11-23T10:00:00Z").plusSeconds(900L * n).toString();
        }

        String booking(String slotStart, String name) {
            return "{\"serviceId\":" + service + ",\"doctor\":\"appt.doctor\",\"slotStart\":\"" + slotStart
                    + "\",\"patientName\":\"" + name + "\"}";
        }

        long booked() {
            var response = api.post("/api/appointments", booking(appointmentSlot(3), "Carmen"));
            assertThat(response.status()).as(response.body()).isEqualTo(201);
            return response.json().path("id").asLong();
        }

        String appointment(long id, String action) {
            return "/api/appointments/" + id + "/" + action;
        }
    }

    private static final String NO_BODY = "";
    private static final String EMPTY_OBJECT = "{}";

    private static final Map<String, Function<Clinic, Attempt>> SCENARIOS = Map.ofEntries(
            Map.entry("POST /api/tickets", c -> new Attempt("/api/tickets",
                    "{\"serviceId\":" + c.service() + ",\"patientName\":\"Ana\"}",
                    "{\"serviceId\":" + c.service() + ",\"patientName\":\"Bea\"}")),
            Map.entry("POST /api/tickets/{ticketId}/cancel", c -> new Attempt(c.ticket(c.waiting(), "cancel"),
                    NO_BODY, EMPTY_OBJECT)),
            Map.entry("POST /api/tickets/{ticketId}/requeue", c -> {
                long ticket = c.called();
                assertThat(api.post(c.session("no-show"), null).status()).isEqualTo(200);
                return new Attempt(c.ticket(ticket, "requeue"), NO_BODY, EMPTY_OBJECT);
            }),
            Map.entry("POST /api/tickets/{ticketId}/priority", c -> new Attempt(c.ticket(c.waiting(), "priority"),
                    "{\"priority\":\"emergency\"}", "{\"priority\":\"priority\"}")),
            Map.entry("POST /api/tickets/{ticketId}/transfer", c -> new Attempt(c.ticket(c.waiting(), "transfer"),
                    "{\"toServiceId\":" + c.otherService() + "}",
                    "{\"toServiceId\":" + c.otherService() + ",\"returnAfter\":true}")),
            Map.entry("POST /api/sessions", c -> {
                long room = api.createRoom(c.site(), "Room 2").id();
                return new Attempt("/api/sessions",
                        "{\"roomId\":" + room + ",\"serviceIds\":[" + c.service() + "],\"doctor\":\"dr2\"}",
                        "{\"roomId\":" + room + ",\"serviceIds\":[" + c.otherService() + "],\"doctor\":\"dr2\"}");
            }),
            Map.entry("POST /api/sessions/{sessionId}/next", c -> {
                c.waiting();
                return new Attempt(c.session("next"), NO_BODY, "{\"expectedCurrentTicketId\":0}");
            }),
            Map.entry("POST /api/sessions/{sessionId}/recall", c -> {
                c.called();
                return new Attempt(c.session("recall"), NO_BODY, EMPTY_OBJECT);
            }),
            Map.entry("POST /api/sessions/{sessionId}/serve", c -> {
                c.called();
                return new Attempt(c.session("serve"), NO_BODY, EMPTY_OBJECT);
            }),
            Map.entry("POST /api/sessions/{sessionId}/done", c -> {
                c.called();
                return new Attempt(c.session("done"), NO_BODY, EMPTY_OBJECT);
            }),
            Map.entry("POST /api/sessions/{sessionId}/no-show", c -> {
                c.called();
                return new Attempt(c.session("no-show"), NO_BODY, EMPTY_OBJECT);
            }),
            Map.entry("POST /api/sessions/{sessionId}/pause", c -> new Attempt(c.session("pause"), NO_BODY, EMPTY_OBJECT)),
            Map.entry("POST /api/sessions/{sessionId}/resume", c -> {
                assertThat(api.post(c.session("pause"), null).status()).isEqualTo(200);
                return new Attempt(c.session("resume"), NO_BODY, EMPTY_OBJECT);
            }),
            Map.entry("POST /api/sessions/{sessionId}/close", c -> new Attempt(c.session("close"), NO_BODY, EMPTY_OBJECT)),
            Map.entry("POST /api/appointments", c -> new Attempt("/api/appointments",
                    c.booking(c.appointmentSlot(0), "Ana"), c.booking(c.appointmentSlot(0), "Bea"))),
            Map.entry("POST /api/appointments/{appointmentId}/move", c -> new Attempt(c.appointment(c.booked(), "move"),
                    "{\"slotStart\":\"" + c.appointmentSlot(1) + "\"}", "{\"slotStart\":\"" + c.appointmentSlot(2) + "\"}")),
            Map.entry("POST /api/appointments/{appointmentId}/cancel", c -> new Attempt(c.appointment(c.booked(), "cancel"),
                    NO_BODY, EMPTY_OBJECT)),
            Map.entry("POST /api/alerts/{alertId}/acknowledge", c -> new Attempt(
                    "/api/alerts/" + openAlert(c) + "/acknowledge", NO_BODY, EMPTY_OBJECT)),
            Map.entry("POST /api/appointments/{appointmentId}/check-in", c -> new Attempt(
                    c.appointment(c.booked(), "check-in"), NO_BODY, EMPTY_OBJECT)),
            Map.entry("POST /api/sites/{siteId}/kiosk/check-in", c -> {
                // slot 4: the doctor is shared by every clinic, and the check-in scenario keeps slot 3 taken
                var booked = api.post("/api/appointments", c.booking(c.appointmentSlot(4), "Dora"));
                assertThat(booked.status()).as(booked.body()).isEqualTo(201);
                String code = booked.json().path("code").asText();
                return new Attempt("/api/sites/" + c.site() + "/kiosk/check-in", "{\"code\":\"" + code + "\"}",
                        "{\"code\":\"" + code.toLowerCase() + "\"}");
            }));

    private static Clinic newClinic() {
        long site = api.createSite("Clinic " + ++clinics, "UTC").id();
        long service = api.createService(site, "General", "A").id();
        long otherService = api.createService(site, "Lab", "L").id();
        long room = api.createRoom(site, "Room 1").id();
        long session = api.openSession(room, List.of(service, otherService), "dr" + clinics).id();
        return new Clinic(site, service, otherService, session);
    }

    private static Stream<RouteSpec> idempotentRoutes() {
        return server.server().routes().routes().stream().filter(RouteSpec::idempotent);
    }

    /** An alert at the clinic: one waiting ticket is its service's medium tier (README, "Alerts"). */
    private static long openAlert(Clinic c) {
        var rules = api.send(HttpRequest.newBuilder(URI.create(api.baseUrl() + "/api/sites/" + c.site() + "/alert-rules"))
                .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString("""
                        {"holdSeconds":60,"oldestWaitMinutes":{},"waitingCount":{"medium":1},"waitingWithoutSession":{},
                         "smsFailurePercent":{},"smsMinFailures":3,"printerProblemMinutes":{}}""")));
        assertThat(rules.status()).as(rules.body()).isEqualTo(200);
        c.waiting();
        server.server().alerts().evaluator().checkNow();
        return api.get("/api/sites/" + c.site() + "/alerts").json().get(0).path("id").asLong();
    }

    private static String name(RouteSpec route) {
        return route.method() + " " + route.path();
    }

    private static HttpResponse<String> post(String path, String body, String key) {
        var request = HttpRequest.newBuilder(URI.create(api.baseUrl() + path))
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", key)
                .timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        try {
            return api.http().send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The data rows of a CSV table in the test resources (comments and the header left out). */
    private static List<String[]> rows(String resource, int columns) {
        try (InputStream in = RouteTreeIT.class.getResourceAsStream(resource)) {
            assertThat(in).as(resource + " in the test resources").isNotNull();
            var lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(line -> !line.isBlank() && !line.startsWith("#"))
                    .skip(1)
                    .map(line -> line.split(","))
                    .toList();
            lines.forEach(row -> assertThat(row).as("%s: %s", resource, String.join(",", row)).hasSize(columns));
            return lines;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
