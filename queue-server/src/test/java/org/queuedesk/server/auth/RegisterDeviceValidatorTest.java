package org.queuedesk.server.auth;

import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.queuedesk.common.auth.RegisterDeviceRequest;
import org.queuedesk.server.testing.ValidationTable;

/** A new kiosk or display, as {@code validation/register-device.psv} says. */
class RegisterDeviceValidatorTest {

    @TestFactory
    Stream<DynamicTest> refusesWhatTheTableRefuses() {
        return ValidationTable.of("validation/register-device.psv", RegisterDeviceRequest.class).check(RegisterDeviceValidator::validate);
    }
}
