package org.queuedesk.server.appointment;

import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.queuedesk.common.appointment.MoveAppointmentRequest;
import org.queuedesk.server.testing.ValidationTable;

/** A move's shape ({@code validation/move-appointment.psv}). */
class MoveAppointmentValidatorTest {

    @TestFactory
    Stream<DynamicTest> refusesWhatTheTableRefuses() {
        return ValidationTable.of("validation/move-appointment.psv", MoveAppointmentRequest.class).check(MoveAppointmentValidator::validate);
    }
}
