package org.queuedesk.desktop.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.queuedesk.common.report.ReportPeriod;
import org.queuedesk.server.testing.MutableClock;

/**
 * The report screen's model against a real server: the table holds the day {@link ClinicDay} played, the CSV is
 * the server's bytes as they came, and a bad range shows the server's message (queue-server's
 * validation/report-query.psv) under the field it names.
 */
class ReportsViewModelTest {

    private static final AdminServer SERVER = new AdminServer();
    private static ClinicDay day;
    private static ZoneId zone;

    @BeforeAll
    static void play() throws Exception {
        day = ClinicDay.play(SERVER.server);
        zone = ZoneId.of(SERVER.admin.sites().get(0).timeZone());
    }

    @AfterAll
    static void stop() {
        SERVER.close();
    }

    private static ReportsViewModel reports() {
        return new ReportsViewModel(SERVER.admin, SERVER.background, () -> day.siteId, () -> zone,
                new MutableClock(Instant.now()), SERVER.messages);
    }

    @Test
    void theTicketsReportShowsTodaysCountsAsATable() {
        var reports = reports();
        reports.show();
        var table = reports.tableProperty().get();
        int issued = table.columns().indexOf("issued");
        int served = table.columns().indexOf("served");
        int dimension = table.columns().indexOf("dimension");
        // a row for the whole site per day of the last seven: only today has tickets
        var all = reports.rows().stream().filter(row -> row.get(dimension).equals("all")).toList();
        assertThat(all).hasSize(7);
        assertThat(all.stream().mapToInt(row -> Integer.parseInt(row.get(issued))).sum()).isEqualTo(ClinicDay.ISSUED);
        assertThat(all.stream().mapToInt(row -> Integer.parseInt(row.get(served))).sum()).isEqualTo(ClinicDay.SERVED);
        assertThat(reports.form().doneProperty().get()).isEqualTo(reports.rows().size() + " rows.");
    }

    @Test
    void exportSavesTheServersCsvByteForByte(@TempDir Path dir) throws Exception {
        var reports = reports();
        reports.by.set(ReportPeriod.WEEK);
        Path file = dir.resolve(reports.suggestedFileName());
        reports.export(file);
        assertThat(reports.form().problemProperty().get()).isEmpty();

        var api = SERVER.server.api().signedInAs("admin", "admin");
        HttpResponse<byte[]> direct = api.http().send(HttpRequest.newBuilder(URI.create(api.baseUrl()
                        + "/api/reports/sites/" + day.siteId + "/tickets?from=" + reports.from.get() + "&to="
                        + reports.to.get() + "&by=week")).header("Accept", "text/csv")
                        .header("Authorization", "Bearer " + token()).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(direct.statusCode()).isEqualTo(200);
        byte[] saved = Files.readAllBytes(file);
        assertThat(saved).as("the server's CSV, unchanged").isEqualTo(direct.body());
        assertThat(saved).as("UTF-8 byte order mark kept").startsWith((byte) 0xEF, (byte) 0xBB, (byte) 0xBF);
        assertThat(file.getFileName().toString()).endsWith("-week.csv");
    }

    @Test
    void aRangeTheServerRefusesShowsItsMessageUnderTo() {
        var reports = reports();
        reports.from.set(LocalDate.of(2026, 11, 30));
        reports.to.set(LocalDate.of(2026, 11, 1));
        reports.show();
        assertThat(reports.form().error("to").get()).isEqualTo("must not be before from (2026-11-30).");

        reports.from.set(LocalDate.of(2025, 6, 1));
        reports.to.set(LocalDate.of(2026, 6, 2));
        reports.show();
        assertThat(reports.form().error("to").get()).startsWith("a report covers at most 366 days");
        assertThat(reports.form().error("from").get()).isEmpty();

        reports.from.set(null);
        reports.show();
        assertThat(reports.form().error("from").get()).isNotEmpty();
    }

    private static String token() {
        return SERVER.server.api().post("/api/auth/login", new org.queuedesk.common.auth.LoginRequest("admin", "admin"))
                .json().path("accessToken").asText();
    }
}
