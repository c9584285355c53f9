package org.queuedesk.server.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.queuedesk.common.site.NamesRequest;
import org.queuedesk.common.site.ServiceDto;
import org.queuedesk.common.ticket.TicketDto;
import org.queuedesk.common.ticket.TicketState;
import org.queuedesk.common.ticket.TransferRequest;
import org.queuedesk.server.testing.Api;
import org.queuedesk.server.testing.MutableClock;
import org.queuedesk.server.testing.TestServer;

/**
 * A database made by the previous release migrates when this release starts on it. There are no release tags
 * yet: the previous release's migration set is V1 to V5 (commit 0dced8b, personal data retention), the last
 * before the work that added V5.1 (names per language) and V6.1 (transfer returns). Migrations are never
 * edited once merged, so Flyway's {@code target=5} on today's files builds exactly that schema. A clinic's
 * morning is written into it as that release's SQL would have; the upgraded server serves those rows and the
 * new features work on them.
 */
@org.queuedesk.server.testing.SqliteOnly("upgrades a previous release's SQLite file")
class UpgradeFromPreviousReleaseIT {

    private static final String PREVIOUS_RELEASE_MIGRATIONS = "5";
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-30T09:30:00Z"));

    @Test
    void aClinicsDataFromThePreviousReleaseIsServedAndTheNewFeaturesWorkOnIt() throws Exception {
        Path dataDir = TestServer.freshDir();
        String url = "jdbc:sqlite:" + dataDir.resolve("queuedesk.db").toAbsolutePath();
        Flyway.configure().dataSource(url, null, null).locations("classpath:db/migration")
                .target(PREVIOUS_RELEASE_MIGRATIONS).load().migrate();
        long t0 = Instant.parse("2026-11-30T08:00:00Z").toEpochMilli();
        try (var c = DriverManager.getConnection(url); var s = c.createStatement()) {
            s.execute("INSERT INTO sites(id, name, time_zone, event_seq, phone_region, sms_language)"
                    + " VALUES (1, 'Hillside Clinic', 'Europe/Madrid', 0, 'ES', 'es')");
            s.execute("INSERT INTO services(id, site_id, name, prefix) VALUES (1, 1, 'General practice', 'A'),"
                    + " (2, 1, 'Blood tests', 'B')");
            s.execute("INSERT INTO rooms(id, site_id, name) VALUES (1, 1, 'Room 1')");
            s.execute("INSERT INTO ticket_counters(service_id, local_date, last_seq) VALUES (1, '2026-11-30', 3)");
            s.execute("INSERT INTO tickets(id, site_id, number_service_id, service_date, seq, number, service_id, state,"
                    + " priority_rank, source, patient_name, phone, issued_at, queued_at, finished_at) VALUES"
                    + " (1, 1, 1, '2026-11-30', 1, 'A-001', 1, 'done', 3, 'reception', 'Ana Ruiz', '+34600111001', "
                    + t0 + ", " + t0 + ", " + (t0 + 600_000) + "),"
                    + " (2, 1, 1, '2026-11-30', 2, 'A-002', 1, 'waiting', 3, 'reception', 'Luis Gil', '+34600111002', "
                    + (t0 + 60_000) + ", " + (t0 + 60_000) + ", NULL),"
                    + " (3, 1, 1, '2026-11-30', 3, 'A-003', 1, 'waiting', 3, 'kiosk', NULL, NULL, "
                    + (t0 + 120_000) + ", " + (t0 + 120_000) + ", NULL)");
            for (int id = 1; id <= 3; id++) {
                s.execute("INSERT INTO ticket_events(ticket_id, action, from_state, to_state, service_id, actor, at)"
                        + " VALUES (" + id + ", 'issued', NULL, 'waiting', 1, 'reception', " + (t0 + id * 60_000) + ")");
            }
        }

        try (var server = TestServer.startOn(dataDir, clock)) {
            Api api = server.api();
            // migrated to the newest script in the source tree (read from the files, not from the server)
            assertThat(api.get("/health").json().get("schemaVersion").asText()).isEqualTo(newestMigration());

            // the old rows, as they were
            TicketDto done = api.ticket(1);
            assertThat(done.number()).isEqualTo("A-001");
            assertThat(done.state()).isEqualTo(TicketState.DONE);
            assertThat(done.patientName()).isEqualTo("Ana Ruiz");
            assertThat(api.get("/api/tickets/2/history").status()).isEqualTo(200);

            // Next calls the longest-waiting old ticket; the old day's counter goes on at A-004
            long session = api.openSession(1, List.of(1L), "dr.gil").id();
            assertThat(api.next(session).called().number()).isEqualTo("A-002");
            assertThat(api.issue(1).number()).isEqualTo("A-004");

            // names per language (V5.1) on an old service
            var named = api.send(HttpRequest.newBuilder(URI.create(api.baseUrl() + "/api/services/1/names"))
                    .header("Content-Type", "application/json")
                    .PUT(HttpRequest.BodyPublishers.ofString(Api.JSON.writeValueAsString(
                            new NamesRequest(Map.of("es", "Medicina general"))))));
            assertThat(named.status()).as(named.body()).isEqualTo(200);
            assertThat(named.as(ServiceDto.class).names()).containsEntry("es", "Medicina general");

            // a transfer with return (V6.1) of an old ticket: to blood tests, then back to general practice
            var moved = api.post("/api/tickets/2/transfer", new TransferRequest(2L, true));
            assertThat(moved.status()).as(moved.body()).isEqualTo(200);
            assertThat(api.ticket(2).returnServiceId()).isEqualTo(1L);
        }
    }

    /** The highest version among the migration scripts, e.g. {@code V7_13__x.sql} → {@code 7.13}. */
    private static String newestMigration() throws java.io.IOException {
        // SQLite's own scripts and those both stores share (db/common)
        try (var files = java.util.stream.Stream.concat(java.nio.file.Files.list(Path.of("src/main/resources/db/migration")),
                java.nio.file.Files.list(Path.of("src/main/resources/db/common")))) {
            return files.map(f -> f.getFileName().toString())
                    .filter(name -> name.matches("V[0-9_]+__.*\\.sql"))
                    .map(name -> name.substring(1, name.indexOf("__")).replace('_', '.'))
                    .max(java.util.Comparator.comparing((String v) -> java.util.Arrays.stream(v.split("\\."))
                            .mapToInt(Integer::parseInt).boxed().toList(), (a, b) -> {
                                for (int i = 0; i < Math.max(a.size(), b.size()); i++) {
                                    int x = i < a.size() ? a.get(i) : 0;
                                    int y = i < b.size() ? b.get(i) : 0;
                                    if (x != y) {
                                        return Integer.compare(x, y);
                                    }
                                }
                                return 0;
                            }))
                    .orElseThrow();
        }
    }
}
