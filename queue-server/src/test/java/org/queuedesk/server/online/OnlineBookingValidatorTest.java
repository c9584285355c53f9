package org.queuedesk.server.online;

import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.queuedesk.server.online.OnlineBookingValidator.OnlineBookingForm;
import org.queuedesk.server.testing.ValidationTable;

/** The online booking form ({@code validation/online-booking.psv}). */
class OnlineBookingValidatorTest {

    @TestFactory
    Stream<DynamicTest> refusesWhatTheTableRefuses() {
        return ValidationTable.of("validation/online-booking.psv", OnlineBookingForm.class)
                .check(OnlineBookingValidator::validate);
    }
}
