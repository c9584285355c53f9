package org.queuedesk.common.alert;

/**
 * The thresholds an admin sets for a site or one service (README, "Alerts"). Each rule has three tiers; a
 * tier left out (null) is off. An alert enters a tier when its value reaches the tier's threshold and leaves
 * it only after the value stayed below 80 % of it for {@code holdSeconds}. {@code smsMinFailures}: fewer
 * failed messages in the window never raise the SMS rule, whatever the rate.
 */
public record AlertRulesDto(Integer holdSeconds, Tiers oldestWaitMinutes, Tiers waitingCount,
                            Tiers waitingWithoutSession, Tiers smsFailurePercent, Integer smsMinFailures,
                            Tiers printerProblemMinutes) {

    /** One rule's thresholds, each null when that tier is off. */
    public record Tiers(Integer medium, Integer high, Integer critical) {

        public Integer threshold(AlertTier tier) {
            return switch (tier) {
                case MEDIUM -> medium;
                case HIGH -> high;
                case CRITICAL -> critical;
            };
        }
    }

    public Tiers tiers(AlertRule rule) {
        return switch (rule) {
            case OLDEST_WAIT -> oldestWaitMinutes;
            case WAITING_COUNT -> waitingCount;
            case WAITING_WITHOUT_SESSION -> waitingWithoutSession;
            case SMS_FAILURES -> smsFailurePercent;
            case PRINTER_PROBLEM -> printerProblemMinutes;
        };
    }

    /** The defaults of a site nobody configured (README, "Alerts"). */
    public static AlertRulesDto defaults() {
        return new AlertRulesDto(60, new Tiers(20, 30, 45), new Tiers(15, 25, 40), new Tiers(1, 5, 10),
                new Tiers(10, 25, 50), 3, new Tiers(0, 10, 30));
    }
}
