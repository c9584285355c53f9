package org.queuedesk.server.ticket;

import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.queuedesk.common.ticket.TransferRequest;
import org.queuedesk.server.testing.ValidationTable;

/** A transfer names the service ({@code validation/transfer.psv}). */
class TransferValidatorTest {

    @TestFactory
    Stream<DynamicTest> refusesWhatTheTableRefuses() {
        return ValidationTable.of("validation/transfer.psv", TransferRequest.class).check(TransferValidator::validate);
    }
}
