package org.queuedesk.server.ticket;

import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.queuedesk.common.ticket.IssueTicketRequest;
import org.queuedesk.server.testing.ValidationTable;

/** Ticket requests as {@code validation/issue-ticket.psv} says: required service, lengths, phone shape, language tag. */
class IssueTicketValidatorTest {

    @TestFactory
    Stream<DynamicTest> refusesWhatTheTableRefuses() {
        return ValidationTable.of("validation/issue-ticket.psv", IssueTicketRequest.class).check(IssueTicketValidator::validate);
    }
}
