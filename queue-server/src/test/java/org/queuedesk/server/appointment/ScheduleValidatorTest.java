package org.queuedesk.server.appointment;

import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.queuedesk.common.appointment.ScheduleRequest;
import org.queuedesk.server.testing.ValidationTable;

/** A weekly schedule's shape ({@code validation/schedule.psv}). */
class ScheduleValidatorTest {

    @TestFactory
    Stream<DynamicTest> refusesWhatTheTableRefuses() {
        return ValidationTable.of("validation/schedule.psv", ScheduleRequest.class).check(ScheduleValidator::validate);
    }
}
