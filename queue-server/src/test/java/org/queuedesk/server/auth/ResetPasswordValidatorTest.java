package org.queuedesk.server.auth;

import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.queuedesk.common.auth.ResetPasswordRequest;
import org.queuedesk.server.testing.ValidationTable;

/** Password length in characters and in bcrypt's bytes, as {@code validation/reset-password.psv} says. */
class ResetPasswordValidatorTest {

    @TestFactory
    Stream<DynamicTest> refusesWhatTheTableRefuses() {
        return ValidationTable.of("validation/reset-password.psv", ResetPasswordRequest.class).check(ResetPasswordValidator::validate);
    }
}
