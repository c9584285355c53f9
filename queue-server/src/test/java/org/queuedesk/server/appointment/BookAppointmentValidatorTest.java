package org.queuedesk.server.appointment;

import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.queuedesk.common.appointment.BookAppointmentRequest;
import org.queuedesk.server.testing.ValidationTable;

/** A booking's shape ({@code validation/book-appointment.psv}). */
class BookAppointmentValidatorTest {

    @TestFactory
    Stream<DynamicTest> refusesWhatTheTableRefuses() {
        return ValidationTable.of("validation/book-appointment.psv", BookAppointmentRequest.class).check(BookAppointmentValidator::validate);
    }
}
