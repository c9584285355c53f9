package org.queuedesk.desktop.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import org.junit.jupiter.api.Test;
import org.queuedesk.common.site.ServiceDto;
import org.queuedesk.common.ticket.Priority;
import org.queuedesk.common.ticket.TicketDto;
import org.queuedesk.common.ticket.TicketSource;
import org.queuedesk.common.ticket.TicketState;

/**
 * The ticket cells both desks show. Expected words are the bundle's (messages.properties: "{0} min", "With
 * doctor", "Emergency"); a patient waits from queueing until called (README lifecycle: waiting, then called),
 * so the wait grows while the ticket waits and stops at its call.
 */
class TicketCellsTest {

    private static final Instant T0 = Instant.parse("2026-11-23T09:00:00Z");
    private final ResourceBundle messages = ResourceBundle.getBundle("org.queuedesk.desktop.messages", Locale.ENGLISH);
    private final TicketText text = new TicketText(messages, Clock.fixed(T0.plusSeconds(25 * 60), ZoneOffset.UTC));
    private final TicketCells cells = new TicketCells(text, List.of(
            new ServiceDto(1, 1, "General practice", "A", 3, true), new ServiceDto(2, 1, "Laboratory", "B", 5, true)));

    @Test
    void aWaitingTicketHasWaitedUntilNow() {
        TicketDto waiting = ticket(2, TicketState.WAITING, null, null);

        assertThat(cells.waited(waiting)).isEqualTo("25 min");
        assertThat(cells.service(waiting)).isEqualTo("Laboratory");
        assertThat(cells.patient(waiting)).isEmpty();
    }

    @Test
    void aCalledTicketWaitedUntilItsCall() {
        TicketDto serving = ticket(1, TicketState.SERVING, "Ana", T0.plusSeconds(12 * 60));

        assertThat(cells.waited(serving)).isEqualTo("12 min");
        assertThat(cells.state(serving)).isEqualTo("With doctor");
        assertThat(cells.priority(serving)).isEqualTo("Emergency");
        assertThat(cells.patient(serving)).isEqualTo("Ana");
    }

    @Test
    void aServiceTheDeskDoesNotKnowIsLeftBlank() {
        assertThat(cells.service(ticket(9, TicketState.WAITING, null, null))).isEmpty();
    }

    private static TicketDto ticket(long serviceId, TicketState state, String name, Instant calledAt) {
        return new TicketDto(1, 1, serviceId, "A-001", LocalDate.of(2026, 11, 23), state, Priority.EMERGENCY,
                TicketSource.RECEPTION, name, null, null, null, null, null, T0, T0, calledAt, null, 0);
    }
}
