package org.queuedesk.server.site;

import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.queuedesk.common.site.CreateServiceRequest;
import org.queuedesk.server.testing.ValidationTable;

/** A new service, as {@code validation/create-service.psv} says. */
class CreateServiceValidatorTest {

    @TestFactory
    Stream<DynamicTest> refusesWhatTheTableRefuses() {
        return ValidationTable.of("validation/create-service.psv", CreateServiceRequest.class).check(CreateServiceValidator::validate);
    }
}
