package org.queuedesk.server.ticket;

import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.queuedesk.common.ticket.ChangePriorityRequest;
import org.queuedesk.server.testing.ValidationTable;

/** A priority change names the priority ({@code validation/change-priority.psv}). */
class ChangePriorityValidatorTest {

    @TestFactory
    Stream<DynamicTest> refusesWhatTheTableRefuses() {
        return ValidationTable.of("validation/change-priority.psv", ChangePriorityRequest.class).check(ChangePriorityValidator::validate);
    }
}
