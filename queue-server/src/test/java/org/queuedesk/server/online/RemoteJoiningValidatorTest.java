package org.queuedesk.server.online;

import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.queuedesk.common.online.RemoteJoiningRequest;
import org.queuedesk.server.testing.ValidationTable;

/** Remote joining of a service ({@code validation/remote-joining.psv}). */
class RemoteJoiningValidatorTest {

    @TestFactory
    Stream<DynamicTest> refusesWhatTheTableRefuses() {
        return ValidationTable.of("validation/remote-joining.psv", RemoteJoiningRequest.class)
                .check(RemoteJoiningValidator::validate);
    }
}
