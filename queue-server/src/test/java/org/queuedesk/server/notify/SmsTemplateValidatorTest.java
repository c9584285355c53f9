package org.queuedesk.server.notify;

import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.queuedesk.common.notify.SmsTemplateRequest;
import org.queuedesk.server.testing.ValidationTable;

/** A service's own SMS text, as {@code validation/sms-template.psv} says; sized with the real long values. */
class SmsTemplateValidatorTest {

    private final SmsService sizing = new SmsService(null, new SmsTemplates(), null, null, null, null);

    @TestFactory
    Stream<DynamicTest> refusesWhatTheTableRefuses() {
        return ValidationTable.of("validation/sms-template.psv", SmsTemplateRequest.class)
                .check(new SmsTemplateValidator(sizing::worstCaseSegments)::validate);
    }
}
