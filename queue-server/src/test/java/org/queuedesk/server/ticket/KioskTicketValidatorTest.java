package org.queuedesk.server.ticket;

import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.queuedesk.common.ticket.IssueTicketRequest;
import org.queuedesk.server.testing.ValidationTable;

/** What a kiosk may not set on a ticket, as {@code validation/kiosk-ticket.psv} says. */
class KioskTicketValidatorTest {

    @TestFactory
    Stream<DynamicTest> refusesWhatTheTableRefuses() {
        return ValidationTable.of("validation/kiosk-ticket.psv", IssueTicketRequest.class).check(KioskTicketValidator::validate);
    }
}
