package org.queuedesk.server.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.queuedesk.common.alert.AlertTier.CRITICAL;
import static org.queuedesk.common.alert.AlertTier.HIGH;
import static org.queuedesk.common.alert.AlertTier.MEDIUM;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.queuedesk.common.alert.AlertRulesDto.Tiers;
import org.queuedesk.common.alert.AlertTier;

/**
 * The README's rule ("Alerts"): a tier is entered at its threshold and left only after the value stayed below
 * 80 % of the threshold for the hold time. Thresholds 20/30/45 (bounds 16/24/36), hold 60 s.
 */
class HysteresisTest {

    private static final Tiers TIERS = new Tiers(20, 30, 45);
    private static final Duration HOLD = Duration.ofSeconds(60);
    private static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");

    private Hysteresis.State state = Hysteresis.State.NONE;

    private AlertTier at(int seconds, Double value) {
        state = Hysteresis.next(state, value, TIERS, HOLD, T0.plusSeconds(seconds));
        return state.tier();
    }

    @Test
    void aValueHoveringAtTheThresholdRaisesOnceAndNeverFlaps() {
        assertThat(at(0, 29.9)).isEqualTo(MEDIUM);
        assertThat(at(5, 30.1)).isEqualTo(HIGH);
        for (int s = 10; s < 600; s += 5) {
            assertThat(at(s, s % 10 == 0 ? 29.5 : 30.5)).as("at %d s", s).isEqualTo(HIGH);
        }
    }

    @Test
    void aTierIsLeftOnlyAfterTheHoldBelowItsBound() {
        at(0, 50.0);
        assertThat(state.tier()).isEqualTo(CRITICAL);
        assertThat(at(10, 37.0)).as("37 is above critical's bound 36").isEqualTo(CRITICAL);
        assertThat(at(20, 35.0)).as("below 36, hold starts").isEqualTo(CRITICAL);
        assertThat(at(79, 35.0)).as("59 s below").isEqualTo(CRITICAL);
        assertThat(at(80, 35.0)).as("60 s below: high holds 35 (bound 24)").isEqualTo(HIGH);
    }

    @Test
    void aValueBackAboveTheBoundRestartsTheHold() {
        at(0, 31.0);
        at(10, 20.0);
        assertThat(at(50, 25.0)).isEqualTo(HIGH);
        assertThat(at(60, 20.0)).isEqualTo(HIGH);
        assertThat(at(110, 20.0)).as("only 50 s since the hold restarted").isEqualTo(HIGH);
        assertThat(at(120, 20.0)).as("60 s: down to medium, whose bound 16 it holds").isEqualTo(MEDIUM);
    }

    @Test
    void aConditionThatIsGoneClearsAfterTheHold() {
        at(0, 21.0);
        assertThat(at(1, null)).isEqualTo(MEDIUM);
        assertThat(at(61, null)).isNull();
    }

    @Test
    void escalationIsImmediateAndSkipsTiers() {
        assertThat(at(0, 10.0)).isNull();
        assertThat(at(1, 46.0)).isEqualTo(CRITICAL);
    }

    @Test
    void aTierThatIsOffIsNeverEntered() {
        var offHigh = new Tiers(20, null, 45);
        assertThat(Hysteresis.next(Hysteresis.State.NONE, 40.0, offHigh, HOLD, T0).tier()).isEqualTo(MEDIUM);
        assertThat(Hysteresis.next(Hysteresis.State.NONE, 1000.0, new Tiers(null, null, null), HOLD, T0).tier()).isNull();
    }
}
