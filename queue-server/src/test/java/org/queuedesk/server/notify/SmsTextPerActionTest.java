package org.queuedesk.server.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;
import org.queuedesk.server.ticket.TicketAction;

/** Which message a ticket's move sends, per action, against the table in test resources (README "Messages"). */
class SmsTextPerActionTest {

    @ParameterizedTest
    @CsvFileSource(resources = "sms-per-action.csv")
    void eachActionSendsItsText(String action, String text) {
        var move = TicketAction.valueOf(action.toUpperCase(Locale.ROOT));
        assertThat(move.wireName()).as("the history's name").isEqualTo(action);
        assertThat(SmsOutbox.textFor(move).map(SmsKind::wireName).orElse("none")).isEqualTo(text);
    }

    @Test
    void theTableNamesEveryAction() throws Exception {
        String table;
        try (var in = getClass().getResourceAsStream("sms-per-action.csv")) {
            table = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
        assertThat(Arrays.stream(TicketAction.values()).map(TicketAction::wireName))
                .allSatisfy(action -> assertThat(table).containsPattern("(?m)^" + action + ","));
    }
}
