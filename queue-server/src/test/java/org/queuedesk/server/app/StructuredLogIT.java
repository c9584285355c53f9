package org.queuedesk.server.app;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.core.joran.spi.JoranException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.queuedesk.common.notify.StatusLinkDto;
import org.queuedesk.common.notify.TicketSmsDto;
import org.queuedesk.common.ticket.IssueTicketRequest;
import org.queuedesk.common.ticket.TicketDto;
import org.queuedesk.server.auth.Auth;
import org.queuedesk.server.notify.FakeSnsServer;
import org.queuedesk.server.testing.Api;
import org.queuedesk.server.testing.MutableClock;
import org.queuedesk.server.testing.RunningServer;
import org.slf4j.LoggerFactory;

/**
 * {@code --log-format json} as the README describes it: one access line per request with the route as declared,
 * the status, the duration, the site and who called; the request id in the response header, in the problem body
 * and in the request's log lines; and never a patient's name, phone number or status token in any line.
 */
class StructuredLogIT {

    /** The patient's data, as PhoneMaskingIT and the SMS masking table use it. */
    private static final String NAME = "Ana Ruiz";
    private static final String PHONE = "+34600123456";

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-23T09:00:00Z"));
    @RegisterExtension
    final RunningServer server = RunningServer.demoWithSignIn().withClock(clock);
    private final ByteArrayOutputStream captured = new ByteArrayOutputStream();

    @BeforeEach
    void logJsonIntoMemory() {
        LogFormat.installJson(captured, "CAPTURE");
    }

    /** Back to logback.xml, as every other test expects it; what was logged is kept in target/ to look at. */
    @AfterEach
    void restoreTextLogs(org.junit.jupiter.api.TestInfo test) throws JoranException, IOException {
        var dir = java.nio.file.Path.of("target", "logs");
        java.nio.file.Files.createDirectories(dir);
        java.nio.file.Files.write(dir.resolve(test.getTestMethod().orElseThrow().getName() + ".jsonl"),
                captured.toByteArray());
        var context = (LoggerContext) LoggerFactory.getILoggerFactory();
        context.reset();
        var configurator = new JoranConfigurator();
        configurator.setContext(context);
        configurator.doConfigure(StructuredLogIT.class.getResource("/logback.xml"));
    }

    record Sent(int status, String requestId, String body) {
    }

    private Sent send(String method, String path, String token, String requestId, String json) {
        var request = HttpRequest.newBuilder(URI.create(server.baseUrl() + path)).timeout(Duration.ofSeconds(30))
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(json))
                .header("Content-Type", "application/json");
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (requestId != null) {
            request.header("X-Request-Id", requestId);
        }
        try {
            var response = server.api().http().send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Sent(response.statusCode(), response.headers().firstValue("X-Request-Id").orElse(null),
                    response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private List<JsonNode> lines() {
        String text;
        synchronized (captured) {
            text = captured.toString(StandardCharsets.UTF_8);
        }
        return text.lines().filter(l -> !l.isBlank()).map(line -> {
            try {
                return Api.JSON.readTree(line);
            } catch (IOException e) {
                throw new AssertionError("not a JSON line: " + line, e);
            }
        }).toList();
    }

    private List<Map<String, String>> accessLines() {
        return lines().stream().filter(l -> "queuedesk.access".equals(l.path("loggerName").asText()))
                .map(StructuredLogIT::fields).toList();
    }

    /** An access line's key-value pairs, with its request id from the MDC. */
    private static Map<String, String> fields(JsonNode line) {
        var fields = new LinkedHashMap<String, String>();
        line.path("kvpList").forEach(pair -> pair.fields().forEachRemaining(f -> fields.put(f.getKey(), f.getValue().asText())));
        fields.put("requestId", line.path("mdc").path("requestId").asText(null));
        return fields;
    }

    private Map<String, String> accessLineOf(String requestId) {
        var matching = accessLines().stream().filter(f -> requestId.equals(f.get("requestId"))).toList();
        assertThat(matching).as("access lines of request %s in %s", requestId, captured).hasSize(1);
        return matching.get(0);
    }

    @Test
    void eachRequestLeavesOneAccessLineWithItsRouteTemplateAndNoPersonalData() throws IOException {
        String reception = server.api().post("/api/auth/login",
                new org.queuedesk.common.auth.LoginRequest("reception", "reception")).json().get("accessToken").asText();
        var issue = send("POST", "/api/tickets", reception, "issue-1",
                "{\"serviceId\":1,\"patientName\":\"" + NAME + "\",\"phone\":\"" + PHONE + "\"}");
        assertThat(issue.status()).isEqualTo(201);
        long ticket = Api.JSON.readTree(issue.body()).get("id").asLong();
        var staff = server.api().withToken(reception);
        String link = staff.get("/api/tickets/" + ticket + "/status-link").as(StatusLinkDto.class).url();
        String token = link.substring(link.indexOf("/t/") + 3);
        assertThat(send("GET", "/t/" + token, null, "page-1", null).status()).isEqualTo(200);
        assertThat(send("GET", "/t/" + token + "/status", null, "status-1", null).status()).isEqualTo(200);
        assertThat(send("POST", "/t/" + token + "/stop-sms", null, "stop-1", null).status()).isEqualTo(200);
        assertThat(send("GET", "/api/sites/1/queue-status", reception, "queue-1", null).status()).isEqualTo(200);
        assertThat(send("GET", "/api/sites/1/services", Auth.DEMO_KIOSK_TOKEN, "kiosk-1", null).status()).isEqualTo(200);
        assertThat(send("GET", "/no/such/" + token, null, "nothing-1", null).status()).isEqualTo(404);
        // the confirmation text goes to the log (the demo's SMS setting): its line must not hold them either
        FakeSnsServer.await(Duration.ofSeconds(10), "the confirmation text logged", () -> staff
                .get("/api/tickets/" + ticket + "/sms").as(TicketSmsDto.class).messages().stream()
                .anyMatch(m -> !m.state().equals("queued")));

        // the README's access line: method, route as declared, status, duration, site, user or device
        assertThat(accessLineOf("issue-1")).containsEntry("method", "POST").containsEntry("route", "/api/tickets")
                .containsEntry("status", "201").containsEntry("user", "reception").containsKey("durationMs")
                .doesNotContainKey("siteId");
        assertThat(accessLineOf("page-1")).containsEntry("method", "GET").containsEntry("route", "/t/{token}")
                .containsEntry("status", "200").doesNotContainKeys("user", "deviceId");
        assertThat(accessLineOf("status-1")).containsEntry("route", "/t/{token}/status");
        assertThat(accessLineOf("stop-1")).containsEntry("method", "POST").containsEntry("route", "/t/{token}/stop-sms");
        assertThat(accessLineOf("queue-1")).containsEntry("route", "/api/sites/{siteId}/queue-status")
                .containsEntry("siteId", "1").containsEntry("user", "reception");
        assertThat(accessLineOf("kiosk-1")).containsEntry("route", "/api/sites/{siteId}/services")
                .containsEntry("siteId", "1").containsKey("deviceId").doesNotContainKey("user");
        assertThat(accessLineOf("nothing-1")).containsEntry("route", "unmatched").containsEntry("status", "404");
        assertThat(Long.parseLong(accessLineOf("issue-1").get("durationMs"))).isBetween(0L, 30_000L);

        String everything = captured.toString(StandardCharsets.UTF_8);
        assertThat(lines()).as("every line is JSON").isNotEmpty();
        assertThat(everything).contains("SMS (log only").doesNotContain(NAME).doesNotContain("Ana")
                .doesNotContain(PHONE).doesNotContain("600123456").doesNotContain(token).doesNotContain("\"password\"");
    }

    @Test
    void theRequestIdIsInTheHeaderTheProblemAndEveryLineOfTheRequest() throws IOException {
        String admin = server.api().post("/api/auth/login",
                new org.queuedesk.common.auth.LoginRequest("admin", "admin")).json().get("accessToken").asText();

        // a sane id from the caller (a proxy's) is kept
        var missing = send("GET", "/api/tickets/987654", admin, "proxy-7f3a.91", null);
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.requestId()).isEqualTo("proxy-7f3a.91");
        assertThat(Api.JSON.readTree(missing.body()).get("requestId").asText()).isEqualTo("proxy-7f3a.91");

        // none, or one that is not sane (too long, or with characters that could forge a log line): a new one
        var anonymous = send("GET", "/api/tickets/1", null, null, null);
        var forged = send("GET", "/api/tickets/1", null, "x\"}{\"level\":\"ERROR", null);
        var tooLong = send("GET", "/api/tickets/1", null, "a".repeat(65), null);
        for (var refused : List.of(anonymous, forged, tooLong)) {
            assertThat(refused.status()).isEqualTo(401);
            assertThat(refused.requestId()).matches("[0-9a-f-]{36}");
            assertThat(Api.JSON.readTree(refused.body()).get("requestId").asText()).isEqualTo(refused.requestId());
            assertThat(accessLineOf(refused.requestId())).containsEntry("status", "401").containsEntry("route",
                    "/api/tickets/{ticketId}");
        }
        assertThat(List.of(anonymous.requestId(), forged.requestId(), tooLong.requestId())).doesNotHaveDuplicates();

        // a successful request's id too; and every line logged while a request ran carries its request's id
        var ok = send("GET", "/health", null, null, null);
        assertThat(ok.status()).isEqualTo(200);
        assertThat(accessLineOf(ok.requestId())).containsEntry("route", "/health");
        var ids = accessLines().stream().map(f -> f.get("requestId")).toList();
        assertThat(ids).doesNotContainNull().contains("proxy-7f3a.91", ok.requestId());
        for (JsonNode line : lines()) {
            if (!line.path("threadName").asText().startsWith("queuedesk-")) { // not a background thread's
                assertThat(line.path("mdc").path("requestId").asText(null)).as("request id of %s", line).isIn(ids);
            }
        }
    }
}
