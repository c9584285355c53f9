package org.queuedesk.desktop.live;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.queuedesk.common.site.ServiceDto;
import org.queuedesk.common.ticket.TransferRequest;

/** README "Reception and consulting-room desks": a transfer target or "return here" never carries over. */
class TransferFormTest {

    private static final ServiceDto LAB = new ServiceDto(2, 1, "Laboratory", "B", 5, true);

    @Test
    void noRequestUntilAServiceIsChosen() {
        var form = new TransferForm(false);
        assertThat(form.request()).isEmpty();

        form.targetProperty().set(LAB);
        form.returnsProperty().set(true);

        assertThat(form.request()).contains(new TransferRequest(2L, true));
    }

    @Test
    void theNextTicketStartsWithNothingChosenAndTheDesksOwnReturnDefault() {
        var reception = new TransferForm(false);
        var doctor = new TransferForm(true);
        for (TransferForm form : new TransferForm[] {reception, doctor}) {
            form.targetProperty().set(LAB);
            form.returnsProperty().set(!form.returnsProperty().get());
            form.startAfresh();
            assertThat(form.targetProperty().get()).isNull();
        }

        assertThat(reception.returnsProperty().get()).isFalse();
        assertThat(doctor.returnsProperty().get()).isTrue();
    }
}
