package org.queuedesk.server.queue;

import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.queuedesk.common.queue.OpenSessionRequest;
import org.queuedesk.server.testing.ValidationTable;

/** Opening a session, as {@code validation/open-session.psv} says. */
class OpenSessionValidatorTest {

    @TestFactory
    Stream<DynamicTest> refusesWhatTheTableRefuses() {
        return ValidationTable.of("validation/open-session.psv", OpenSessionRequest.class).check(OpenSessionValidator::validate);
    }
}
