package org.queuedesk.server.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Instant;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.queuedesk.common.notify.TicketSmsDto;
import org.queuedesk.common.ticket.IssueTicketRequest;
import org.queuedesk.server.testing.MutableClock;
import org.queuedesk.server.testing.TestServer;

/** Opt-outs stored as numbers before version 5 are hashed when the upgraded server starts, and still count. */
@org.queuedesk.server.testing.SqliteOnly("upgrades an old SQLite file")
class OptOutUpgradeIT {

    @Test
    void anOptOutFromBeforeTheUpgradeIsHashedAndStillHonoured() throws SQLException {
        Path dataDir = TestServer.freshDir();
        String url = "jdbc:sqlite:" + dataDir.resolve("queuedesk.db").toAbsolutePath();
        Flyway.configure().dataSource(url, null, null).locations("classpath:db/migration").target("4").load().migrate();
        try (var c = DriverManager.getConnection(url)) {
            c.createStatement().execute(
                    "INSERT INTO sms_opt_outs(phone, source, at) VALUES ('+34600111002', 'patient', 0)");
        }

        try (var server = TestServer.startOn(dataDir, new MutableClock(Instant.parse("2026-11-23T09:00:00Z")))) {
            var api = server.api();
            long site = api.createSite("Hillside Clinic", "Europe/Madrid").id();
            long service = api.createService(site, "General practice", "A").id();
            long ticket = api.issue(new IssueTicketRequest(service, null, null, null, "+34600111002", null)).id();

            var sms = api.get("/api/tickets/" + ticket + "/sms").as(TicketSmsDto.class);
            assertThat(sms.optedOut()).isTrue();
            assertThat(sms.messages()).isNotEmpty().allSatisfy(m -> assertThat(m.state()).isEqualTo("opted_out"));
            var stored = server.server().database().read(h -> h.createQuery(
                    "SELECT coalesce(phone, '') || ' ' || phone_hash FROM sms_opt_outs").mapTo(String.class).list());
            assertThat(stored).hasSize(1).noneMatch(row -> row.contains("600111002"));
        }
    }
}
