package org.queuedesk.server.alert;

import java.time.Clock;
import java.util.List;
import org.queuedesk.common.alert.AlertDto;
import org.queuedesk.common.alert.AlertRulesDto;
import org.queuedesk.common.event.EventPayload.AlertChange;
import org.queuedesk.common.event.EventType;
import org.queuedesk.server.event.EventLog;
import org.queuedesk.server.ground.ApiProblem;
import org.queuedesk.server.ground.AuditTrail;
import org.queuedesk.server.ground.Database;
import org.queuedesk.server.ground.WriteTransaction;
import org.queuedesk.server.site.SiteService;

/** Open alerts, acknowledging one, and the thresholds an admin sets. */
final class AlertService {

    private final Database db;
    private final EventLog events;
    private final SiteService sites;
    private final AlertRules rules;
    private final AuditTrail audit;
    private final Clock clock;

    AlertService(Database db, EventLog events, SiteService sites, AlertRules rules, AuditTrail audit, Clock clock) {
        this.db = db;
        this.events = events;
        this.sites = sites;
        this.rules = rules;
        this.audit = audit;
        this.clock = clock;
    }

    List<AlertDto> open(long siteId) {
        sites.site(siteId); // 404 for a site that does not exist
        return db.read(h -> h.attach(AlertDao.class).openAt(siteId).stream().map(AlertRow::toDto).toList());
    }

    /**
     * Idempotent: the first acknowledgement is kept, audited and streamed; a repeat, or one of an alert that
     * cleared meanwhile, answers the alert as it stands.
     */
    AlertDto acknowledge(WriteTransaction tx, long alertId, String actor) {
        var dao = tx.attach(AlertDao.class);
        dao.alert(alertId).orElseThrow(() -> ApiProblem.notFound("There is no alert " + alertId + "."));
        if (dao.acknowledge(alertId, actor, clock.instant()) == 0) {
            return dao.alert(alertId).orElseThrow().toDto();
        }
        var alert = dao.alert(alertId).orElseThrow().toDto();
        audit.record(tx, actor, "alert.acknowledged", "alert " + alertId,
                alert.rule().wireName() + " " + alert.tier().wireName() + " at site " + alert.siteId());
        events.append(tx, alert.siteId(), actor, new AlertChange(EventType.ALERT_ACKNOWLEDGED, alert));
        return alert;
    }

    AlertRulesDto siteRules(long siteId) {
        sites.site(siteId);
        return db.read(h -> rules.forSite(h, siteId));
    }

    AlertRulesDto serviceRules(long serviceId) {
        var service = sites.service(serviceId);
        return db.read(h -> rules.forService(h, service.siteId(), serviceId));
    }

    AlertRulesDto changeSiteRules(long siteId, AlertRulesDto request, String actor) {
        AlertRulesValidator.validate(request);
        sites.site(siteId);
        return store(siteId, AlertRules.SITE_WIDE, request, actor);
    }

    AlertRulesDto changeServiceRules(long serviceId, AlertRulesDto request, String actor) {
        AlertRulesValidator.validate(request);
        var service = sites.service(serviceId);
        return store(service.siteId(), serviceId, request, actor);
    }

    private AlertRulesDto store(long siteId, long serviceId, AlertRulesDto request, String actor) {
        return db.write(tx -> {
            tx.attach(AlertDao.class).storeRules(siteId, serviceId, rules.write(request), clock.instant(), actor);
            audit.record(tx, actor, "alert.rules_changed", serviceId == AlertRules.SITE_WIDE ? "site " + siteId
                    : "service " + serviceId, rules.write(request));
            return request;
        });
    }
}
