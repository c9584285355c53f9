package org.queuedesk.server.auth;

import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.queuedesk.common.auth.LoginRequest;
import org.queuedesk.server.testing.ValidationTable;

/** A sign-in with anything missing, as {@code validation/login.psv} says. */
class LoginValidatorTest {

    @TestFactory
    Stream<DynamicTest> refusesWhatTheTableRefuses() {
        return ValidationTable.of("validation/login.psv", LoginRequest.class).check(LoginValidator::validate);
    }
}
