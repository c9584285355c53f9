package org.queuedesk.server.site;

import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.queuedesk.common.site.DefaultServiceMinutesRequest;
import org.queuedesk.server.testing.ValidationTable;

/** A service's default minutes per patient, as {@code validation/default-service-minutes.psv} says. */
class DefaultServiceMinutesValidatorTest {

    @TestFactory
    Stream<DynamicTest> asTheTableSays() {
        return ValidationTable.of("validation/default-service-minutes.psv", DefaultServiceMinutesRequest.class)
                .check(DefaultServiceMinutesValidator::validate);
    }
}
