package org.queuedesk.server.appointment;

import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.queuedesk.common.appointment.ScheduleExceptionRequest;
import org.queuedesk.server.testing.ValidationTable;

/** A dated exception's shape ({@code validation/schedule-exception.psv}). */
class ScheduleExceptionValidatorTest {

    @TestFactory
    Stream<DynamicTest> refusesWhatTheTableRefuses() {
        return ValidationTable.of("validation/schedule-exception.psv", ScheduleExceptionRequest.class).check(ScheduleExceptionValidator::validate);
    }
}
