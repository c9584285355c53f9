package org.queuedesk.server.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.queuedesk.common.site.CreateServiceRequest;
import org.queuedesk.common.site.NamesRequest;
import org.queuedesk.common.site.ServiceDto;
import org.queuedesk.common.ticket.IssueTicketRequest;
import org.queuedesk.server.notify.FakeSnsServer;
import org.queuedesk.server.notify.SmsTestServer;
import org.queuedesk.server.testing.Api;
import org.queuedesk.server.testing.TestServer;

/**
 * The writer remembers services (see {@link SiteCatalog}); a change to a service must reach the very next
 * ticket, not the next restart.
 */
class SiteCatalogIT {

    @Test
    void aServiceClosedAndRenamedAfterTheWriterRememberedItTakesNoMoreTickets() {
        try (var server = TestServer.start(Clock.systemUTC())) {
            Api api = server.api();
            long site = api.createSite("Riverside Clinic", "Europe/Madrid").id();
            long gp = api.createService(site, "General practice", "A").id();
            assertThat(api.post("/api/tickets", new IssueTicketRequest(gp, null, null, null, null, null, null)).status())
                    .as("the writer now remembers the service as open").isEqualTo(201);

            // what an endpoint that closes and renames a service does, in the writer
            server.server().database().write(tx -> {
                tx.handle().createUpdate("UPDATE services SET active = 0, name = 'General practice (closed)' WHERE id = :id")
                        .bind("id", gp).execute();
                SiteCatalog.serviceChanged(tx, gp);
                return null;
            });

            var refused = api.post("/api/tickets", new IssueTicketRequest(gp, null, null, null, null, null, null));
            assertThat(refused.status()).isEqualTo(409);
            assertThat(refused.contentType()).startsWith("application/problem+json");
            assertThat(refused.json().get("detail").asText()).contains("General practice (closed)");
        }
    }

    @Test
    void aServiceRenamedInALanguageAfterTicketsWereIssuedIsTextedByItsNewName() {
        try (var sns = FakeSnsServer.start();
             var server = SmsTestServer.start(Clock.systemUTC(), SmsTestServer.fastRetries(sns))) {
            Api api = server.api();
            long site = api.createSite("Riverside Clinic", "Europe/Madrid").id();
            long blood = api.post("/api/sites/" + site + "/services", new CreateServiceRequest("Blood tests", "B", null,
                    Map.of("es", "Análisis de sangre"))).as(ServiceDto.class).id();
            api.issue(new IssueTicketRequest(blood, null, null, null, "+34600111222", null, "es"));
            FakeSnsServer.await(Duration.ofSeconds(20), "the first text", () -> !sns.publishedTo("+34600111222").isEmpty());
            assertThat(sns.publishedTo("+34600111222").get(0).message()).contains("(Análisis de sangre)");

            var renamed = put(api, "/api/services/" + blood + "/names", new NamesRequest(Map.of("es", "Extracción")));
            assertThat(renamed.status()).isEqualTo(200);
            api.issue(new IssueTicketRequest(blood, null, null, null, "+34600333444", null, "es"));

            FakeSnsServer.await(Duration.ofSeconds(20), "the second text", () -> !sns.publishedTo("+34600333444").isEmpty());
            assertThat(sns.publishedTo("+34600333444").get(0).message()).contains("(Extracción)")
                    .doesNotContain("Análisis de sangre");
        }
    }

    /**
     * Every statement that changes an existing site, service or room (or their names), and why the writer's
     * memory of it stays right. A new one fails here: make its write call {@link SiteCatalog#serviceChanged}
     * (or explain why it need not), then add it below.
     */
    private static final Map<String, String> CHANGES = Map.of(
            "UPDATE sites SET phone_region", "the SMS settings: SiteDto does not carry them",
            "UPDATE sites SET event_seq", "the event counter: SiteDto does not carry it",
            "UPDATE sites SET time_zone", "SiteService.setSettings calls SiteCatalog.siteChanged",
            "UPDATE services SET prefix", "SiteService.setServiceSettings calls SiteCatalog.serviceChanged",
            "UPDATE services SET default_service_minutes", "the wait estimate's prior: ServiceDto does not carry it",
            "DELETE FROM service_names", "SiteService.setServiceNames calls SiteCatalog.serviceChanged",
            "INSERT INTO service_names", "a new service's names, or setServiceNames (which forgets the service)",
            "DELETE FROM room_names", "rooms are not remembered by the writer",
            "INSERT INTO room_names", "rooms are not remembered by the writer");

    private static final Pattern CHANGE = Pattern.compile(
            "(?i)\\b(UPDATE\\s+(?:OR\\s+\\w+\\s+)?(\\w+)\\s+SET\\s+\\w+|DELETE\\s+FROM\\s+(\\w+)"
                    + "|(?:INSERT\\s+OR\\s+\\w+\\s+|REPLACE\\s+|INSERT\\s+)INTO\\s+(\\w+))");
    private static final java.util.Set<String> CATALOGUED = java.util.Set.of("sites", "services", "service_names",
            "rooms", "room_names");

    @Test
    void everyStatementThatChangesASiteServiceOrRoomIsCheckedAgainstWhatTheWriterRemembers() throws IOException {
        var found = new TreeMap<String, String>();
        try (Stream<Path> files = Files.walk(Path.of("src/main"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java") || f.toString().endsWith(".sql")).toList()) {
                String path = file.toString().replace('\\', '/');
                if (path.contains("/db/migration/") || path.contains("/db/common/") || path.contains("/db/postgresql/")) {
                    continue; // migrations run before the writer starts
                }
                Matcher m = CHANGE.matcher(Files.readString(file, StandardCharsets.UTF_8));
                while (m.find()) {
                    String table = m.group(2) != null ? m.group(2) : m.group(3) != null ? m.group(3) : m.group(4);
                    boolean newRow = m.group(4) != null && !table.endsWith("_names");
                    if (CATALOGUED.contains(table.toLowerCase(java.util.Locale.ROOT)) && !newRow) {
                        found.put(m.group(1).replaceAll("\\s+", " "), file.toString());
                    }
                }
            }
        }
        assertThat(new TreeSet<>(found.keySet())).as("statements found: %s", found).isEqualTo(new TreeSet<>(CHANGES.keySet()));
    }

    private static Api.Response put(Api api, String path, Object body) {
        try {
            return api.send(HttpRequest.newBuilder(URI.create(api.baseUrl() + path)).header("Content-Type", "application/json")
                    .PUT(HttpRequest.BodyPublishers.ofString(Api.JSON.writeValueAsString(body))));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
