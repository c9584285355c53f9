package org.queuedesk.server.ground;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.jdbi.v3.core.ConnectionException;
import org.junit.jupiter.api.Test;

/**
 * Which failures make a write run again. SQLSTATEs from PostgreSQL's manual (Appendix A, "PostgreSQL Error
 * Codes"): 40001 serialization_failure and 40P01 deadlock_detected are collisions; anything else is not.
 */
class WriteCollisionTest {

    @Test
    void serializationFailuresAndDeadlocksAreCollisions() {
        assertThat(WriteCollision.causedBy(new IllegalStateException(new SQLException("could not serialize", "40001"))))
                .isTrue();
        assertThat(WriteCollision.causedBy(new SQLException("deadlock detected", "40P01"))).isTrue();
        assertThat(WriteCollision.causedBy(new WriteCollision("same key committed meanwhile"))).isTrue();
    }

    @Test
    void aCollisionFurtherDownTheChainOfSqlExceptionsCounts() {
        var batch = new SQLException("batch failed", (String) null);
        batch.setNextException(new SQLException("could not serialize", "40001"));
        assertThat(WriteCollision.causedBy(batch)).isTrue();
    }

    /** Seen in the PostgreSQL benchmark: a pool that timed out answered with a NullPointerException instead. */
    @Test
    void anSqlExceptionWithoutStateIsNoCollisionAndDoesNotFail() {
        var poolTimeout = new ConnectionException(new SQLTransientConnectionException(
                "queuedesk-postgresql - Connection is not available, request timed out after 10000ms"));
        assertThat(WriteCollision.causedBy(poolTimeout)).isFalse();
        assertThat(WriteCollision.causedBy(new SQLException("unique violation", "23505"))).isFalse();
        assertThat(WriteCollision.causedBy(new IllegalStateException("no SQL at all"))).isFalse();
    }
}
