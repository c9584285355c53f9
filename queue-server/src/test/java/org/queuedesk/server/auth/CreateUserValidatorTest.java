package org.queuedesk.server.auth;

import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.queuedesk.common.auth.CreateUserRequest;
import org.queuedesk.server.testing.ValidationTable;

/** A new staff account, as {@code validation/create-user.psv} says. */
class CreateUserValidatorTest {

    @TestFactory
    Stream<DynamicTest> refusesWhatTheTableRefuses() {
        return ValidationTable.of("validation/create-user.psv", CreateUserRequest.class).check(CreateUserValidator::validate);
    }
}
