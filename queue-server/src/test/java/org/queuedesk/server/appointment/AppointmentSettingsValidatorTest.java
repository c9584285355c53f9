package org.queuedesk.server.appointment;

import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.queuedesk.common.appointment.AppointmentSettingsDto;
import org.queuedesk.server.testing.ValidationTable;

/** A site's grace period ({@code validation/appointment-settings.psv}). */
class AppointmentSettingsValidatorTest {

    @TestFactory
    Stream<DynamicTest> refusesWhatTheTableRefuses() {
        return ValidationTable.of("validation/appointment-settings.psv", AppointmentSettingsDto.class)
                .check(AppointmentSettingsValidator::validate);
    }
}
