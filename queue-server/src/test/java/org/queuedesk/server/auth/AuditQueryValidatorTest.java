package org.queuedesk.server.auth;

import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.queuedesk.server.testing.ValidationTable;

/** The audit log's filters, as {@code validation/audit-query.psv} says. */
class AuditQueryValidatorTest {

    @TestFactory
    Stream<DynamicTest> asTheTableSays() {
        return ValidationTable.of("validation/audit-query.psv", AuditParams.class).check(AuditQueryValidator::validate);
    }
}
