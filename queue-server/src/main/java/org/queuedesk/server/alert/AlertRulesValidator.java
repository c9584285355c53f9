package org.queuedesk.server.alert;

import org.queuedesk.common.alert.AlertRulesDto;
import org.queuedesk.common.alert.AlertTier;
import org.queuedesk.server.ground.ApiProblem;
import org.queuedesk.server.ground.Fields;

/**
 * Alert thresholds (README, "Alerts"): every rule given; each tier a whole number in the rule's range or null
 * (off); the tiers that are on rising from medium to critical; a hold of 0 to 3600 s; 1 to 1000 SMS failures.
 */
final class AlertRulesValidator {

    private AlertRulesValidator() {
    }

    static void validate(AlertRulesDto request) {
        Fields.required("holdSeconds", request.holdSeconds());
        if (request.holdSeconds() < 0 || request.holdSeconds() > 3600) {
            throw ApiProblem.invalidField("holdSeconds", "use 0 to 3600 seconds.");
        }
        tiers("oldestWaitMinutes", request.oldestWaitMinutes(), 1, 1440, "minutes");
        tiers("waitingCount", request.waitingCount(), 1, 10_000, "tickets");
        tiers("waitingWithoutSession", request.waitingWithoutSession(), 1, 10_000, "tickets");
        tiers("smsFailurePercent", request.smsFailurePercent(), 1, 100, "percent");
        Fields.required("smsMinFailures", request.smsMinFailures());
        if (request.smsMinFailures() < 1 || request.smsMinFailures() > 1000) {
            throw ApiProblem.invalidField("smsMinFailures", "use 1 to 1000 failed messages.");
        }
        tiers("printerProblemMinutes", request.printerProblemMinutes(), 0, 1440, "minutes");
    }

    private static void tiers(String field, AlertRulesDto.Tiers tiers, int min, int max, String unit) {
        Fields.required(field, tiers);
        Integer below = null;
        for (AlertTier tier : AlertTier.values()) {
            Integer threshold = tiers.threshold(tier);
            if (threshold == null) {
                continue;
            }
            if (threshold < min || threshold > max) {
                throw ApiProblem.invalidField(field, tier.wireName() + ": use " + min + " to " + max + " " + unit
                        + ", or leave it out to switch the tier off.");
            }
            if (below != null && threshold <= below) {
                throw ApiProblem.invalidField(field, tier.wireName() + " must be above the tiers below it ("
                        + below + ").");
            }
            below = threshold;
        }
    }
}
