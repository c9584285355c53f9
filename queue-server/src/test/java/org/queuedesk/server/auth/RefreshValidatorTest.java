package org.queuedesk.server.auth;

import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.queuedesk.common.auth.RefreshRequest;
import org.queuedesk.server.testing.ValidationTable;

/** A refresh names its token ({@code validation/refresh.psv}). */
class RefreshValidatorTest {

    @TestFactory
    Stream<DynamicTest> refusesWhatTheTableRefuses() {
        return ValidationTable.of("validation/refresh.psv", RefreshRequest.class).check(RefreshValidator::validate);
    }
}
