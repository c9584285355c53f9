package org.queuedesk.server.health;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.OptionalDouble;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.queuedesk.common.ticket.IssueTicketRequest;
import org.queuedesk.server.app.MonitoringSettings;
import org.queuedesk.server.notify.FakeSnsServer;
import org.queuedesk.server.notify.FakeSnsServer.Fault;
import org.queuedesk.server.notify.SmsTestServer;
import org.queuedesk.server.testing.Api;
import org.queuedesk.server.testing.MutableClock;
import org.queuedesk.server.testing.RunningServer;

/**
 * The families README's "Metrics" section lists, with values that follow the traffic: SMS results counted by
 * outcome as the dispatcher records them (through the real SNS client to our SNS test server), the outbox depth,
 * the writer's queue and batch sizes, the connection pool and the JVM; and {@code --metrics-token} enforced.
 */
class MetricsFamiliesIT {

    private static final String METRICS_TOKEN = "scrape-7c1e4b9a2f6d4e80";
    private static final Duration WAIT = Duration.ofSeconds(20);

    @RegisterExtension
    final RunningServer guarded = RunningServer.configured(config -> config.withDemo(true).withMonitoring(
            MonitoringSettings.defaults().withMetricsToken(METRICS_TOKEN)));

    private final FakeSnsServer sns = FakeSnsServer.start();
    private SmsTestServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
        sns.close();
    }

    /** A sample's value in Prometheus text: {@code name{labels} value}, the line that starts with {@code series}. */
    private static OptionalDouble sample(String scrape, String series) {
        return scrape.lines().filter(l -> l.startsWith(series + " ") || l.startsWith(series + "{"))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).findFirst();
    }

    private static double value(String scrape, String series) {
        return sample(scrape, series).orElseThrow(() -> new AssertionError("no " + series + " in\n" + scrape));
    }

    @Test
    void smsResultsOutboxWriterPoolAndJvmFamiliesFollowTheTraffic() {
        var clock = new MutableClock(Instant.parse("2026-11-23T09:00:00Z"));
        server = SmsTestServer.start(clock, SmsTestServer.fastRetries(sns));
        Api api = server.api();
        long gp = api.createService(api.createSite("Riverside Clinic", "UTC").id(), "General practice", "A").id();

        String before = api.get("/metrics").body();
        for (String outcome : new String[] {"sent", "failed", "retried", "opted_out", "logged"}) {
            assertThat(value(before, "queuedesk_sms_results_total{outcome=\"" + outcome + "\"}")).isZero();
        }

        long sent = api.issue(new IssueTicketRequest(gp, null, null, null, "+34600123401", null)).id();
        FakeSnsServer.await(WAIT, "the confirmation sent", () -> "sent".equals(state(api, sent)));
        String afterSend = api.get("/metrics").body();
        assertThat(value(afterSend, "queuedesk_sms_results_total{outcome=\"sent\"}")).isEqualTo(1.0);
        assertThat(value(afterSend, "queuedesk_sms_results_total{outcome=\"failed\"}")).isZero();
        assertThat(value(afterSend, "queuedesk_sms_outbox_queued")).isZero();

        // SNS throttles: one retry is recorded (the frozen clock keeps the next one from coming due)
        sns.fail(Fault.THROTTLING);
        long throttled = api.issue(new IssueTicketRequest(gp, null, null, null, "+34600123402", null)).id();
        FakeSnsServer.await(WAIT, "a throttled attempt", () -> api.get("/api/tickets/" + throttled + "/sms").json()
                .get("messages").get(0).get("attempts").asInt() > 0);
        String duringOutage = api.get("/metrics").body();
        assertThat(value(duringOutage, "queuedesk_sms_results_total{outcome=\"retried\"}")).isEqualTo(1.0);
        assertThat(value(duringOutage, "queuedesk_sms_outbox_queued")).isEqualTo(1.0);

        // past --sms-give-up-after-minutes it fails
        clock.advance(Duration.ofMinutes(31));
        FakeSnsServer.await(WAIT, "the message to fail", () -> "failed".equals(state(api, throttled)));
        String afterFailure = api.get("/metrics").body();
        assertThat(value(afterFailure, "queuedesk_sms_results_total{outcome=\"failed\"}")).isEqualTo(1.0);
        assertThat(value(afterFailure, "queuedesk_sms_results_total{outcome=\"sent\"}")).isEqualTo(1.0);
        assertThat(value(afterFailure, "queuedesk_sms_outbox_queued")).isZero();

        // the writer committed the site, service, tickets and SMS updates in batches of 1 to 64
        double batches = value(afterFailure, "queuedesk_writer_batch_size_count");
        double writes = value(afterFailure, "queuedesk_writer_batch_size_sum");
        assertThat(batches).isGreaterThanOrEqualTo(5);
        assertThat(writes / batches).isBetween(1.0, 64.0);
        assertThat(value(afterFailure, "queuedesk_writer_queued")).isBetween(0.0, 64.0);
        // the pool, the JVM
        assertThat(value(afterFailure, "hikaricp_connections_max")).isPositive();
        assertThat(sample(afterFailure, "hikaricp_connections_active")).isPresent();
        assertThat(value(afterFailure, "jvm_memory_used_bytes")).isPositive();
        assertThat(value(afterFailure, "jvm_threads_live_threads")).isGreaterThan(5);
        assertThat(sample(afterFailure, "jvm_gc_memory_allocated_bytes_total")).isPresent();
        assertThat(value(afterFailure, "process_uptime_seconds")).isPositive();
        // what was there before is still there, and every family the README lists
        assertThat(sample(afterFailure, "http_server_requests_seconds_count")).isPresent();
        assertThat(sample(afterFailure, "queuedesk_queue_waiting")).isPresent();
        var families = readmeFamilies();
        assertThat(families).hasSizeGreaterThan(15);
        for (String family : families) {
            String prefix = family.endsWith("*") ? family.substring(0, family.length() - 1) : family;
            assertThat(afterFailure.lines().anyMatch(l -> l.startsWith(prefix))).as("README's %s on /metrics", family)
                    .isTrue();
        }
    }

    /** The metric names in README's table under "Logs and metrics" (labels left out). */
    private static java.util.List<String> readmeFamilies() {
        try {
            Path readme = Files.exists(Path.of("README.md")) ? Path.of("README.md") : Path.of("..", "README.md");
            String table = Files.readString(readme).split("\\| family \\| what \\|")[1].split("\n\n")[0];
            var names = new java.util.ArrayList<String>();
            for (String row : table.lines().filter(l -> l.startsWith("| `")).toList()) {
                var matcher = java.util.regex.Pattern.compile("`([a-z_*]+)(\\{[^`]*})?`")
                        .matcher(row.substring(0, row.indexOf(" | ", 2)));
                while (matcher.find()) {
                    names.add(matcher.group(1));
                }
            }
            return names;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String state(Api api, long ticket) {
        return api.get("/api/tickets/" + ticket + "/sms").json().get("messages").get(0).get("state").asText();
    }

    @Test
    void withAMetricsTokenOnlyAScrapeThatSendsItGetsTheMetrics() {
        var anonymous = guarded.api().get("/metrics");
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.contentType()).startsWith("application/problem+json");
        assertThat(anonymous.json().get("detail").asText()).contains("--metrics-token");

        assertThat(guarded.api().withToken("scrape-0000000000000000").get("/metrics").status()).isEqualTo(401);
        // a signed-in admin's token is not the metrics token either
        var admin = guarded.api().signedInAs("admin", "admin");
        assertThat(admin.get("/metrics").status()).isEqualTo(401);

        var scrape = guarded.api().withToken(METRICS_TOKEN).get("/metrics");
        assertThat(scrape.status()).isEqualTo(200);
        assertThat(scrape.body()).contains("jvm_memory_used_bytes");
        // the same server's other public routes stay public
        assertThat(guarded.api().get("/health").status()).isEqualTo(200);
        assertThat(guarded.api().send(HttpRequest.newBuilder(URI.create(guarded.baseUrl() + "/metrics"))
                .header("Authorization", "Basic " + METRICS_TOKEN)).status()).isEqualTo(401);
    }
}
