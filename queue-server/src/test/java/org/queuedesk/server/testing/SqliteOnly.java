package org.queuedesk.server.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A test about the SQLite file itself (its copy, backup, crash recovery, upgrade of an old file): skipped when
 * the test servers run on PostgreSQL ({@link TestStore}). The reason says why it does not apply there.
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(SqliteOnly.Condition.class)
public @interface SqliteOnly {

    /** Why the test is about the SQLite file. */
    String value();

    final class Condition implements ExecutionCondition {
        @Override
        public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
            if (!TestStore.postgres()) {
                return ConditionEvaluationResult.enabled("the tests run on SQLite");
            }
            String why = context.getElement().map(e -> e.getAnnotation(SqliteOnly.class))
                    .map(SqliteOnly::value).orElse("about SQLite");
            return ConditionEvaluationResult.disabled("SQLite only: " + why);
        }
    }
}
