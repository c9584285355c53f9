package org.queuedesk.server.notify;

import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.queuedesk.common.notify.SmsSiteSettingsDto;
import org.queuedesk.server.testing.ValidationTable;

/** A site's SMS settings, as {@code validation/sms-site-settings.psv} says. */
class SmsSiteSettingsValidatorTest {

    @TestFactory
    Stream<DynamicTest> refusesWhatTheTableRefuses() {
        return ValidationTable.of("validation/sms-site-settings.psv", SmsSiteSettingsDto.class).check(SmsSiteSettingsValidator::validate);
    }
}
