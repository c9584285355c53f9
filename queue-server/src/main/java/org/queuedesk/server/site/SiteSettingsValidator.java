package org.queuedesk.server.site;

import java.time.ZoneId;
import java.util.Locale;
import org.queuedesk.common.site.SiteSettingsRequest;
import org.queuedesk.server.ground.ApiProblem;
import org.queuedesk.server.ground.Fields;
import org.queuedesk.server.ground.PhoneNumbers;

/**
 * A site's settings: an IANA time zone (a region name such as Europe/Madrid: a fixed offset such as +02:00 would
 * be wrong half the year), a phone region libphonenumber knows (blank: none), and the days personal data is kept,
 * within the bounds of {@code --retention-days} (null: the server's).
 */
final class SiteSettingsValidator {

    static final int MIN_RETENTION_DAYS = 1;
    /** Ten years, as the flag allows: anything longer is a typo, not a policy. */
    static final int MAX_RETENTION_DAYS = 3650;

    private SiteSettingsValidator() {
    }

    static void validate(SiteSettingsRequest request) {
        Fields.requiredText("timeZone", request.timeZone(), 64);
        String zone = request.timeZone().strip();
        if (!ZoneId.getAvailableZoneIds().contains(zone)) {
            throw ApiProblem.invalidField("timeZone", "'" + zone + "' is not an IANA time zone; use a name like Europe/Madrid.");
        }
        if (Fields.given(request.phoneRegion())
                && !PhoneNumbers.isRegion(request.phoneRegion().strip().toUpperCase(Locale.ROOT))) {
            throw ApiProblem.invalidField("phoneRegion", "use a two-letter country code such as ES, GB or US.");
        }
        Integer days = request.retentionDays();
        if (days != null && (days < MIN_RETENTION_DAYS || days > MAX_RETENTION_DAYS)) {
            throw ApiProblem.invalidField("retentionDays", "must be between " + MIN_RETENTION_DAYS + " and "
                    + MAX_RETENTION_DAYS + " days, or left empty for the server's default.");
        }
    }
}
