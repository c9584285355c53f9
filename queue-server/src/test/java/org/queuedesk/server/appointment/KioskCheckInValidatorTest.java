package org.queuedesk.server.appointment;

import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.queuedesk.common.appointment.KioskCheckInRequest;
import org.queuedesk.server.testing.ValidationTable;

/** A kiosk check-in's shape ({@code validation/kiosk-check-in.psv}). */
class KioskCheckInValidatorTest {

    @TestFactory
    Stream<DynamicTest> refusesWhatTheTableRefuses() {
        return ValidationTable.of("validation/kiosk-check-in.psv", KioskCheckInRequest.class)
                .check(KioskCheckInValidator::validate);
    }
}
