package org.queuedesk.server.site;

import java.util.Locale;
import java.util.Map;
import org.queuedesk.common.site.NamesRequest;
import org.queuedesk.server.ground.ApiProblem;

/**
 * Names of a service or room per language: only the languages patients can choose, each name at most as
 * long as the default name may be. An empty name means "none in this language" and passes.
 */
final class NamesValidator {

    private NamesValidator() {
    }

    /** A request that replaces the names: the object is required, even if empty. */
    static void validate(NamesRequest request, int maxLength) {
        if (request.names() == null) {
            throw ApiProblem.invalidField("names", "is required: an object of language to name, e.g. {\"es\": \"Consulta 1\"}.");
        }
        validate(request.names(), maxLength);
    }

    /** Names given with a new service or room; none at all is fine. */
    static void validate(Map<String, String> names, int maxLength) {
        if (names == null) {
            return;
        }
        names.forEach((language, name) -> {
            String code = language == null ? "" : language.strip().toLowerCase(Locale.ROOT);
            if (!SiteService.LANGUAGES.contains(code)) {
                throw ApiProblem.invalidField("names", "'" + language + "' is not a language we show; use one of "
                        + SiteService.LANGUAGES + ".");
            }
            if (name != null && name.strip().length() > maxLength) {
                throw ApiProblem.invalidField("names", "the " + code + " name must be at most " + maxLength + " characters.");
            }
        });
    }
}
