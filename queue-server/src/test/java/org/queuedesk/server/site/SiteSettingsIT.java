package org.queuedesk.server.site;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.queuedesk.common.site.ServiceDto;
import org.queuedesk.common.site.ServiceSettingsRequest;
import org.queuedesk.common.site.SiteDto;
import org.queuedesk.common.site.SiteSettingsDto;
import org.queuedesk.common.site.SiteSettingsRequest;
import org.queuedesk.common.ticket.IssueTicketRequest;
import org.queuedesk.common.ticket.TicketDto;
import org.queuedesk.server.privacy.PurgeReport;
import org.queuedesk.server.privacy.RetentionSettings;
import org.queuedesk.server.testing.Api;
import org.queuedesk.server.testing.MutableClock;
import org.queuedesk.server.testing.RunningServer;

/**
 * A site's settings and a service's prefix edited by an admin, by README's rules ("Site settings", "Services"):
 * the time zone waits until no ticket is open, a site's own retention is what the purge applies to it, a new
 * prefix numbers the next ticket while issued tickets keep theirs, and every change is in the audit log.
 */
class SiteSettingsIT {

    private static final int SERVER_RETENTION_DAYS = 30;
    private final MutableClock clock = new MutableClock(Instant.parse("2026-10-01T08:00:00Z"));
    @RegisterExtension
    final RunningServer server = RunningServer.configured(config -> config.withDemo(true)
            .withRetention(new RetentionSettings(SERVER_RETENTION_DAYS))).withClock(clock);
    private Api admin;

    @BeforeEach
    void signIn() {
        admin = server.api().signedInAs("admin", "admin");
    }

    @Test
    void theTimeZoneChangesOnlyOnceNoTicketIsOpenAndTheNextTicketCountsItsDayInTheNewZone() {
        // 08:00 UTC is 22:00 on Oct 1 at Kiritimati (UTC+14) and 21:00 on Sep 30 at Pago Pago (UTC-11)
        long site = admin.createSite("Atoll Clinic", "Pacific/Kiritimati").id();
        long service = admin.createService(site, "General practice", "A").id();
        TicketDto waiting = admin.issue(service);
        assertThat(waiting.serviceDate()).isEqualTo(LocalDate.parse("2026-10-01"));

        var refused = put("/api/sites/" + site + "/settings", new SiteSettingsRequest("Pacific/Pago_Pago", "WS", null));
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.json().get("errors").get("timeZone").asText()).contains("1 ticket(s)").contains("open");

        var regionOnly = put("/api/sites/" + site + "/settings", new SiteSettingsRequest("Pacific/Kiritimati", "ki", 7));
        assertThat(regionOnly.status()).as("the zone unchanged: region and retention change with tickets open")
                .isEqualTo(200);
        assertThat(regionOnly.as(SiteSettingsDto.class))
                .isEqualTo(new SiteSettingsDto(site, "Pacific/Kiritimati", "KI", 7, 7));

        assertThat(admin.post("/api/tickets/" + waiting.id() + "/cancel", null).status()).isEqualTo(200);
        var moved = put("/api/sites/" + site + "/settings", new SiteSettingsRequest("Pacific/Pago_Pago", "WS", null));
        assertThat(moved.status()).isEqualTo(200);
        assertThat(moved.as(SiteSettingsDto.class))
                .isEqualTo(new SiteSettingsDto(site, "Pacific/Pago_Pago", "WS", null, SERVER_RETENTION_DAYS));
        assertThat(admin.get("/api/sites/" + site).as(SiteDto.class).timeZone()).isEqualTo("Pacific/Pago_Pago");
        assertThat(admin.get("/api/sites/" + site + "/settings").as(SiteSettingsDto.class))
                .isEqualTo(moved.as(SiteSettingsDto.class));
        assertThat(admin.issue(service).serviceDate()).as("the writer forgot the site it remembered")
                .isEqualTo(LocalDate.parse("2026-09-30"));

        var again = put("/api/sites/" + site + "/settings", new SiteSettingsRequest("Pacific/Pago_Pago", "ws", null));
        assertThat(again.status()).as("a repeated PUT answers the same").isEqualTo(200);
        assertThat(again.body()).isEqualTo(moved.body());
        var audited = admin.get("/api/audit?action=site.settings").json();
        assertThat(audited).as("two changes, the repeat recorded nothing").hasSize(2);
        assertThat(audited.get(0).get("actor").asText()).isEqualTo("admin");
        assertThat(audited.get(0).get("detail").asText()).contains("Pacific/Kiritimati -> Pacific/Pago_Pago")
                .contains("KI -> WS").contains("7 -> default");
    }

    @Test
    void badSettingsAreRefusedByField() {
        long site = admin.createSite("Atoll Clinic", "Pacific/Kiritimati").id();
        var zone = put("/api/sites/" + site + "/settings", new SiteSettingsRequest("GMT+3", null, null));
        assertThat(zone.status()).isEqualTo(400);
        assertThat(zone.json().get("errors").get("timeZone").asText()).contains("not an IANA time zone");
        var days = put("/api/sites/" + site + "/settings", new SiteSettingsRequest("Europe/Madrid", null, 0));
        assertThat(days.json().get("errors").get("retentionDays").asText()).contains("between 1 and 3650");
        assertThat(put("/api/sites/999/settings", new SiteSettingsRequest("Europe/Madrid", null, null)).status())
                .isEqualTo(404);
        assertThat(server.api().signedInAs("reception", "reception").get("/api/sites/" + site + "/settings").status())
                .isEqualTo(403);
    }

    @Test
    void aSiteKeepingPersonalDataOneDayIsPurgedWhileASiteOnTheServersDefaultKeepsIt() {
        long hillside = admin.createSite("Hillside Clinic", "Europe/Madrid").id();
        long lakeside = admin.createSite("Lakeside Clinic", "Europe/Madrid").id();
        assertThat(put("/api/sites/" + hillside + "/settings", new SiteSettingsRequest("Europe/Madrid", "ES", 1)).status())
                .isEqualTo(200);
        TicketDto shortKept = admin.issue(new IssueTicketRequest(admin.createService(hillside, "GP", "A").id(), null, null,
                "Zenobia Quintanilla", null, null, null));
        TicketDto kept = admin.issue(new IssueTicketRequest(admin.createService(lakeside, "GP", "A").id(), null, null,
                "Ximena Valdelomar", null, null, null));

        clock.advance(Duration.ofDays(2));
        signIn(); // access tokens last minutes, not days
        var report = admin.post("/api/admin/privacy/purge", null).as(PurgeReport.class);

        assertThat(report.tickets()).isEqualTo(1);
        assertThat(admin.ticket(shortKept.id()).patientName()).as("1 day, 2 days ago").isNull();
        assertThat(admin.ticket(kept.id()).patientName()).as("the server's 30 days").isEqualTo("Ximena Valdelomar");
        assertThat(admin.get("/api/audit?action=privacy.purge&limit=1").json().get(0).get("subject").asText())
                .contains("site " + hillside + ": 1");
    }

    @Test
    void aNewPrefixNumbersTheNextTicketWhileIssuedTicketsKeepTheirNumbers() {
        long site = admin.createSite("Hillside Clinic", "Europe/Madrid").id();
        long gp = admin.createService(site, "General practice", "A").id();
        admin.createService(site, "Blood tests", "B");
        TicketDto first = admin.issue(gp);
        assertThat(first.number()).isEqualTo("A-001");

        var changed = put("/api/services/" + gp + "/settings", new ServiceSettingsRequest(" gp ", 5));
        assertThat(changed.status()).isEqualTo(200);
        assertThat(changed.as(ServiceDto.class).prefix()).isEqualTo("GP");
        assertThat(changed.as(ServiceDto.class).almostTurnPosition()).isEqualTo(5);
        assertThat(admin.issue(gp).number()).as("the day's counter goes on under the new prefix").isEqualTo("GP-002");
        assertThat(admin.ticket(first.id()).number()).isEqualTo("A-001");
        List<ServiceDto> listed = admin.get("/api/sites/" + site + "/services").as(new TypeReference<>() { });
        assertThat(listed).extracting(ServiceDto::prefix).containsExactlyInAnyOrder("B", "GP");

        var clash = put("/api/services/" + gp + "/settings", new ServiceSettingsRequest("b", 5));
        assertThat(clash.status()).isEqualTo(409);
        assertThat(clash.json().get("errors").get("prefix").asText()).contains("'B'");
        var bad = put("/api/services/" + gp + "/settings", new ServiceSettingsRequest("G1", 5));
        assertThat(bad.json().get("errors").get("prefix").asText()).contains("one to three letters");
        assertThat(put("/api/services/999/settings", new ServiceSettingsRequest("Z", 3)).status()).isEqualTo(404);
        var audited = admin.get("/api/audit?action=service.settings").json();
        assertThat(audited).hasSize(1);
        assertThat(audited.get(0).get("detail").asText()).contains("prefix A -> GP").contains("3 -> 5");
    }

    private Api.Response put(String path, Object body) {
        try {
            return admin.send(HttpRequest.newBuilder(URI.create(admin.baseUrl() + path))
                    .header("Content-Type", "application/json")
                    .PUT(HttpRequest.BodyPublishers.ofString(Api.JSON.writeValueAsString(body))));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
