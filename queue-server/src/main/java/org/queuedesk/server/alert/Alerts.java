package org.queuedesk.server.alert;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import org.queuedesk.server.event.EventHub;
import org.queuedesk.server.event.EventLog;
import org.queuedesk.server.ground.AuditTrail;
import org.queuedesk.server.ground.Database;
import org.queuedesk.server.ground.SingleInstanceJobs;
import org.queuedesk.server.site.SiteService;

/** The alert feature as the assembly sees it: its routes, and the evaluator to start and stop. */
public final class Alerts implements AutoCloseable {

    private final AlertEvaluator evaluator;
    private final AlertController controller;
    private final TopicPublisher topic;

    public Alerts(Database db, EventLog events, EventHub hub, SiteService sites, Clock clock, AuditTrail audit,
                  ObjectMapper json, AlertPorts ports, AlertSettings settings, java.net.URI snsEndpoint) {
        this(db, events, hub, sites, clock, audit, json, ports, settings, snsEndpoint,
                SingleInstanceJobs.thisInstanceOnly());
    }

    /**
     * @param jobs decides which instance evaluates (and sends the notifications' outbox) when several share
     *             one database; the others only serve the alerts' routes
     */
    public Alerts(Database db, EventLog events, EventHub hub, SiteService sites, Clock clock, AuditTrail audit,
                  ObjectMapper json, AlertPorts ports, AlertSettings settings, java.net.URI snsEndpoint,
                  SingleInstanceJobs jobs) {
        this.topic = settings.topic(snsEndpoint);
        var rules = new AlertRules(json);
        var notifier = new AlertNotifier(db, topic, clock);
        this.evaluator = new AlertEvaluator(db, events, hub, clock, ports, rules, notifier, settings, jobs);
        this.controller = new AlertController(new AlertService(db, events, sites, rules, audit, clock));
    }

    public AlertController controller() {
        return controller;
    }

    public AlertEvaluator evaluator() {
        return evaluator;
    }

    public void start() {
        evaluator.start();
    }

    @Override
    public void close() {
        evaluator.close();
        topic.close();
    }
}
