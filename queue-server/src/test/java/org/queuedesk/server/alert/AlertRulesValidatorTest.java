package org.queuedesk.server.alert;

import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.queuedesk.common.alert.AlertRulesDto;
import org.queuedesk.server.testing.ValidationTable;

/** Alert thresholds ({@code validation/alert-rules.psv}). */
class AlertRulesValidatorTest {

    @TestFactory
    Stream<DynamicTest> refusesWhatTheTableRefuses() {
        return ValidationTable.of("validation/alert-rules.psv", AlertRulesDto.class)
                .check(AlertRulesValidator::validate);
    }
}
