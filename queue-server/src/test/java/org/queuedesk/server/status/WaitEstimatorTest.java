package org.queuedesk.server.status;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.queuedesk.server.status.WaitEstimator.WaitRange;

class WaitEstimatorTest {

    private static final long MINUTE = 60_000;

    @Test
    void withoutThreeRecentCallsThereIsNoEstimate() {
        assertThat(WaitEstimator.fromCalls(List.of(), 3)).isEmpty();
        assertThat(WaitEstimator.fromCalls(List.of(10 * MINUTE, 0L), 3)).isEmpty();
    }

    @Test
    void theEstimateIsTheTimeBetweenCallsTimesThePlaceAsARange() {
        // a call every 5 minutes; third in the queue: about 15 minutes
        var calls = List.of(20 * MINUTE, 15 * MINUTE, 10 * MINUTE, 5 * MINUTE, 0L);

        assertThat(WaitEstimator.fromCalls(calls, 3)).contains(new WaitRange(9, 21));
        assertThat(WaitEstimator.fromCalls(calls, 1)).contains(new WaitRange(3, 7));
    }

    @Test
    void theRangeIsNeverNarrowerThanTwoMinutes() {
        assertThat(WaitEstimator.fromCalls(List.of(2000L, 1000L, 0L), 1)).contains(new WaitRange(0, 2));
    }
}
