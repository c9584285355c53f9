package org.queuedesk.server.alert;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.queuedesk.common.alert.AlertRulesDto;

/**
 * The thresholds in force: a service's own, else its site's, else the defaults (README, "Alerts"). Stored as
 * JSON so a rule added later needs no migration; a rule missing from a stored row takes its default.
 */
final class AlertRules {

    static final long SITE_WIDE = 0;
    private final ObjectMapper json;

    AlertRules(ObjectMapper json) {
        this.json = json;
    }

    AlertRulesDto forSite(Handle h, long siteId) {
        return stored(h, siteId, SITE_WIDE).orElse(AlertRulesDto.defaults());
    }

    AlertRulesDto forService(Handle h, long siteId, long serviceId) {
        return stored(h, siteId, serviceId).orElseGet(() -> forSite(h, siteId));
    }

    /**
     * The thresholds in force for each of a site's services, read with one query: an evaluation looks at every
     * service of the site each second, and a query (and a JSON parse) per service was a tenth of a busy server's CPU.
     */
    SiteRules atSite(Handle h, long siteId) {
        var stored = new java.util.HashMap<Long, AlertRulesDto>();
        h.attach(AlertDao.class).rulesAt(siteId).forEach((service, text) -> stored.put(service, read(text)));
        return new SiteRules(stored.getOrDefault(SITE_WIDE, AlertRulesDto.defaults()), stored);
    }

    /** A site's thresholds and its services' own, as {@link #forService} would answer them one by one. */
    record SiteRules(AlertRulesDto site, java.util.Map<Long, AlertRulesDto> stored) {
        AlertRulesDto forService(long serviceId) {
            return stored.getOrDefault(serviceId, site);
        }
    }

    private Optional<AlertRulesDto> stored(Handle h, long siteId, long serviceId) {
        return h.attach(AlertDao.class).rules(siteId, serviceId).map(this::read);
    }

    String write(AlertRulesDto rules) {
        try {
            return json.writeValueAsString(rules);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private AlertRulesDto read(String text) {
        try {
            var stored = json.readValue(text, AlertRulesDto.class);
            var d = AlertRulesDto.defaults();
            return new AlertRulesDto(or(stored.holdSeconds(), d.holdSeconds()),
                    or(stored.oldestWaitMinutes(), d.oldestWaitMinutes()), or(stored.waitingCount(), d.waitingCount()),
                    or(stored.waitingWithoutSession(), d.waitingWithoutSession()),
                    or(stored.smsFailurePercent(), d.smsFailurePercent()), or(stored.smsMinFailures(), d.smsMinFailures()),
                    or(stored.printerProblemMinutes(), d.printerProblemMinutes()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Unreadable alert thresholds in the database", e);
        }
    }

    private static <T> T or(T value, T fallback) {
        return value != null ? value : fallback;
    }
}
