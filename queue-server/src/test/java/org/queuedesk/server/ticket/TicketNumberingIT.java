package org.queuedesk.server.ticket;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.queuedesk.common.ticket.TicketDto;
import org.queuedesk.server.testing.Api;
import org.queuedesk.server.testing.MutableClock;
import org.queuedesk.server.testing.TestServer;

class TicketNumberingIT {

    // 23:58 in Auckland (UTC+13 in November) is 10:58 UTC the same calendar day
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-23T10:58:00Z"));
    private TestServer server;
    private Api api;
    private long siteId;
    private long gp;
    private long blood;

    @BeforeEach
    void start() {
        server = TestServer.start(clock);
        api = server.api();
        siteId = api.createSite("Auckland Clinic", "Pacific/Auckland").id();
        gp = api.createService(siteId, "General practice", "A").id();
        blood = api.createService(siteId, "Blood tests", "B").id();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void numbersCarryTheServicePrefixAndCountPerService() {
        assertThat(api.issue(gp).number()).isEqualTo("A-001");
        assertThat(api.issue(gp).number()).isEqualTo("A-002");
        assertThat(api.issue(blood).number()).isEqualTo("B-001");
        assertThat(api.issue(gp).number()).isEqualTo("A-003");
    }

    @Test
    void numbersRestartAtTheSitesLocalMidnightNotUtcMidnight() {
        TicketDto late = api.issue(gp);
        assertThat(late.number()).isEqualTo("A-001");
        assertThat(late.serviceDate()).isEqualTo(LocalDate.parse("2026-11-23"));

        clock.advance(Duration.ofMinutes(3)); // 00:01 on the 24th in Auckland, still the 23rd in UTC
        TicketDto early = api.issue(gp);
        assertThat(early.number()).isEqualTo("A-001");
        assertThat(early.serviceDate()).isEqualTo(LocalDate.parse("2026-11-24"));
        assertThat(api.issue(gp).number()).isEqualTo("A-002");

        // both A-001s are distinct tickets, each findable by number on its own day
        assertThat(api.get("/api/sites/" + siteId + "/tickets?number=A-001&date=2026-11-23").as(TicketDto.class).id())
                .isEqualTo(late.id());
        assertThat(api.get("/api/sites/" + siteId + "/tickets?number=A-001").as(TicketDto.class).id())
                .isEqualTo(early.id());
    }

    @Test
    void aCancelledNumberIsNeverHandedOutAgain() {
        List<String> numbers = new ArrayList<>();
        TicketDto first = api.issue(gp);
        numbers.add(first.number());
        assertThat(api.post("/api/tickets/" + first.id() + "/cancel", null).status()).isEqualTo(200);
        TicketDto second = api.issue(gp);
        numbers.add(second.number());
        assertThat(api.post("/api/tickets/" + second.id() + "/cancel", null).status()).isEqualTo(200);
        numbers.add(api.issue(gp).number());

        assertThat(numbers).containsExactly("A-001", "A-002", "A-003");
    }

    @Test
    void numbersSurviveARestartWithoutReuse() {
        api.issue(gp);
        api.issue(gp);
        var dir = server.dataDir();
        server.close();
        server = TestServer.startOn(dir, clock);
        api = server.api();
        assertThat(api.issue(gp).number()).isEqualTo("A-003");
    }

    @Test
    void pastNineHundredNinetyNineTheNumberGrowsInsteadOfWrapping() {
        assertThat(TicketService.formatNumber("A", 7)).isEqualTo("A-007");
        assertThat(TicketService.formatNumber("C", 999)).isEqualTo("C-999");
        assertThat(TicketService.formatNumber("C", 1000)).isEqualTo("C-1000");
    }
}
