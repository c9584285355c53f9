package org.queuedesk.server.report;

import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.queuedesk.server.testing.ValidationTable;

/** A report's query parameters ({@code validation/report-query.psv}). */
class ReportQueryValidatorTest {

    @TestFactory
    Stream<DynamicTest> refusesWhatTheTableRefuses() {
        return ValidationTable.of("validation/report-query.psv", ReportParams.class)
                .check(ReportQueryValidator::validate);
    }
}
