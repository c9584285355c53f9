package org.queuedesk.server.site;

import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.queuedesk.common.site.CreateSiteRequest;
import org.queuedesk.server.testing.ValidationTable;

/** A new site, as {@code validation/create-site.psv} says. */
class CreateSiteValidatorTest {

    @TestFactory
    Stream<DynamicTest> refusesWhatTheTableRefuses() {
        return ValidationTable.of("validation/create-site.psv", CreateSiteRequest.class).check(CreateSiteValidator::validate);
    }
}
