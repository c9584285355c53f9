package org.queuedesk.server.alert;

import java.time.Duration;
import java.time.Instant;
import org.queuedesk.common.alert.AlertRulesDto.Tiers;
import org.queuedesk.common.alert.AlertTier;

/**
 * The rule that keeps an alert from flapping (README, "Alerts"): a tier is entered as soon as the value reaches
 * its threshold, and left only once the value has stayed below the tier's clear bound (80 % of its threshold)
 * for the whole hold time. Anything back at or above the bound meanwhile restarts the hold. A value of null
 * means the condition is gone (nobody waits, the printer is fine), below every bound.
 */
final class Hysteresis {

    /** The share of a tier's threshold the value must fall below before the tier can be left. */
    static final double CLEAR_RATIO = 0.8;

    private Hysteresis() {
    }

    /** Where an alert stands: its tier (null: no open alert) and since when it has been below the tier's bound. */
    record State(AlertTier tier, Instant belowSince) {
        static final State NONE = new State(null, null);
    }

    /** The next state for a measured value at {@code now}. */
    static State next(State current, Double value, Tiers tiers, Duration hold, Instant now) {
        AlertTier reached = reached(value, tiers);
        if (current.tier() == null || (reached != null && reached.compareTo(current.tier()) > 0)) {
            return new State(reached, null);
        }
        if (holds(value, tiers, current.tier())) {
            return new State(current.tier(), null);
        }
        Instant since = current.belowSince() == null ? now : current.belowSince();
        if (Duration.between(since, now).compareTo(hold) < 0) {
            return new State(current.tier(), since);
        }
        // held below long enough: down to the highest lower tier the value still holds, or cleared
        AlertTier lower = null;
        for (AlertTier tier : AlertTier.values()) {
            if (tier.compareTo(current.tier()) < 0 && holds(value, tiers, tier)) {
                lower = tier;
            }
        }
        return new State(lower, null);
    }

    /** The highest tier whose threshold the value reaches; null for none (or a tier that is off). */
    static AlertTier reached(Double value, Tiers tiers) {
        AlertTier highest = null;
        if (value == null) {
            return null;
        }
        for (AlertTier tier : AlertTier.values()) {
            Integer threshold = tiers.threshold(tier);
            if (threshold != null && value >= threshold) {
                highest = tier;
            }
        }
        return highest;
    }

    /** Whether the value is still at or above the tier's clear bound (a tier switched off holds nothing). */
    private static boolean holds(Double value, Tiers tiers, AlertTier tier) {
        Integer threshold = tiers.threshold(tier);
        return value != null && threshold != null && value >= threshold * CLEAR_RATIO;
    }
}
