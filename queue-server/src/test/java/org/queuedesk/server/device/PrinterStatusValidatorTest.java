package org.queuedesk.server.device;

import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.queuedesk.common.auth.PrinterStatusRequest;
import org.queuedesk.server.testing.ValidationTable;

/** A kiosk's printer report, as {@code validation/printer-status.psv} says. */
class PrinterStatusValidatorTest {

    @TestFactory
    Stream<DynamicTest> refusesWhatTheTableRefuses() {
        return ValidationTable.of("validation/printer-status.psv", PrinterStatusRequest.class).check(PrinterStatusValidator::validate);
    }
}
