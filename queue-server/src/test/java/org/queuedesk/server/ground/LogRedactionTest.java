package org.queuedesk.server.ground;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LogRedactionTest {

    @Test
    void logsKeepOnlyTheFirstFourCharactersOfAStatusLinksToken() {
        String text = "Ticket A-042, 3 ahead. Status: http://clinic.example/t/Ab3_x9QmZkP0wLr7TnVb2c and /t/Zz99yyyyyyyyyyyyyyyyyy/status";
        assertThat(LogRedaction.statusLinks(text))
                .isEqualTo("Ticket A-042, 3 ahead. Status: http://clinic.example/t/Ab3_… and /t/Zz99…/status")
                .doesNotContain("x9QmZkP0wLr7TnVb2c");
        assertThat(LogRedaction.statusLinks("/api/tickets/7")).isEqualTo("/api/tickets/7");
        assertThat(LogRedaction.statusLinks(null)).isNull();
    }

    @Test
    void logsKeepOnlyTheFirstFourCharactersOfAManageLinksToken() {
        String text = "Clinic: your appointment. See, move or cancel it: http://clinic.example/m/Qw3_HwGFggrcLbX4o87sslCrZJxAxlAh";
        assertThat(LogRedaction.statusLinks(text))
                .isEqualTo("Clinic: your appointment. See, move or cancel it: http://clinic.example/m/Qw3_…")
                .doesNotContain("HwGFggrcLbX4o87sslCrZJxAxlAh");
        assertThat(LogRedaction.statusLinks("POST /m/Qw3_HwGFggrcLbX4o87sslCrZJxAxlAh/cancel"))
                .isEqualTo("POST /m/Qw3_…/cancel");
    }
}
