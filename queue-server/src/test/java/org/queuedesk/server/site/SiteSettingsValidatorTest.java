package org.queuedesk.server.site;

import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.queuedesk.common.site.SiteSettingsRequest;
import org.queuedesk.server.testing.ValidationTable;

/** As {@code validation/site-settings.psv} says. */
class SiteSettingsValidatorTest {

    @TestFactory
    Stream<DynamicTest> asTheTableSays() {
        return ValidationTable.of("validation/site-settings.psv", SiteSettingsRequest.class).check(SiteSettingsValidator::validate);
    }
}
