package org.queuedesk.server.notify;

import java.util.Locale;
import org.queuedesk.common.notify.SmsSiteSettingsDto;
import org.queuedesk.server.ground.ApiProblem;
import org.queuedesk.server.ground.Fields;
import org.queuedesk.server.ground.PhoneNumbers;

/**
 * A site's SMS settings: the region numbers without a country code are read in (optional) and the
 * language of its texts (English when not given). Either may be typed in any case.
 */
final class SmsSiteSettingsValidator {

    private SmsSiteSettingsValidator() {
    }

    static void validate(SmsSiteSettingsDto request) {
        if (Fields.given(request.phoneRegion()) && !PhoneNumbers.isRegion(request.phoneRegion().strip())) {
            throw ApiProblem.invalidField("phoneRegion", "use a two-letter country code such as ES, GB or US.");
        }
        if (Fields.given(request.language())
                && !SmsTemplates.LANGUAGES.contains(request.language().strip().toLowerCase(Locale.ROOT))) {
            throw ApiProblem.invalidField("language", "use one of " + SmsTemplates.LANGUAGES + ".");
        }
    }
}
