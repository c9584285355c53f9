package org.queuedesk.server.site;

import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.queuedesk.common.site.ServiceSettingsRequest;
import org.queuedesk.server.testing.ValidationTable;

/** As {@code validation/service-settings.psv} says. */
class ServiceSettingsValidatorTest {

    @TestFactory
    Stream<DynamicTest> asTheTableSays() {
        return ValidationTable.of("validation/service-settings.psv", ServiceSettingsRequest.class).check(ServiceSettingsValidator::validate);
    }
}
