package org.queuedesk.server.alert;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.queuedesk.common.alert.AlertRule;
import org.queuedesk.common.alert.AlertRulesDto;
import org.queuedesk.common.alert.AlertTier;
import org.queuedesk.common.event.EventPayload.AlertChange;
import org.queuedesk.common.event.EventType;
import org.queuedesk.common.site.SiteDto;
import org.queuedesk.server.event.EventHub;
import org.queuedesk.server.event.EventLog;
import org.queuedesk.server.ground.Database;
import org.queuedesk.server.ground.SingleInstanceJobs;
import org.queuedesk.server.ground.WriteTransaction;
import org.queuedesk.server.site.SiteDao;
import org.queuedesk.server.ticket.TicketDao;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Evaluates every site's alert rules after each committed change (an event on the hub) and every few seconds
 * (waits grow without any change), on one thread of its own: the measurements are read off the writer, and
 * only a change of an alert's state is written, with its event and, for a critical alert, its notification.
 * Where several instances share one database, only the one {@link SingleInstanceJobs} names evaluates (and
 * sends the notifications' outbox, so nothing is sent twice); the others skip their runs.
 */
public final class AlertEvaluator implements AutoCloseable {

    static final String ACTOR = "server";
    static final Duration SMS_WINDOW = Duration.ofMinutes(15);
    private static final Logger log = LoggerFactory.getLogger(AlertEvaluator.class);
    private final Database db;
    private final EventLog events;
    private final EventHub hub;
    private final Clock clock;
    private final AlertPorts ports;
    private final AlertRules rules;
    private final AlertNotifier notifier;
    private final AlertSettings settings;
    private final ScheduledExecutorService thread;
    private final SingleInstanceJobs jobs;
    static final String JOB = "alert-evaluation";
    private final Map<Long, Runnable> watched = new ConcurrentHashMap<>();
    private final Set<Long> pending = ConcurrentHashMap.newKeySet();

    AlertEvaluator(Database db, EventLog events, EventHub hub, Clock clock, AlertPorts ports, AlertRules rules,
                   AlertNotifier notifier, AlertSettings settings, SingleInstanceJobs jobs) {
        this.jobs = jobs;
        this.db = db;
        this.events = events;
        this.hub = hub;
        this.clock = clock;
        this.ports = ports;
        this.rules = rules;
        this.notifier = notifier;
        this.settings = settings;
        this.thread = Executors.newSingleThreadScheduledExecutor(r -> {
            var t = new Thread(r, "queuedesk-alerts");
            t.setDaemon(true);
            return t;
        });
    }

    private static final long CHANGE_GAP_NANOS = TimeUnit.SECONDS.toNanos(1);
    private final Map<Long, Long> lastChangeRun = new ConcurrentHashMap<>();

    public void start() {
        long every = settings.checkEvery().toMillis();
        thread.scheduleWithFixedDelay(this::checkAllSafely, 0, every, TimeUnit.MILLISECONDS);
    }

    /** Evaluates every site now, on the alerts' thread, and returns when done (tests with a moved clock). */
    public void checkNow() {
        try {
            thread.submit(this::checkAll).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }

    private void checkAllSafely() {
        try {
            jobs.runIfLeader(JOB, this::checkAll);
        } catch (RuntimeException e) {
            log.warn("Alert check failed; the next one in {} tries again", settings.checkEvery(), e);
        }
    }

    private void checkAll() {
        for (SiteDto site : db.read(h -> h.attach(SiteDao.class).sites())) {
            watch(site.id());
            evaluate(site);
        }
        notifier.sendDue();
    }

    /**
     * Re-evaluates a site after each commit with a change there, once for a burst. Its own alert events bring
     * one more evaluation, which finds nothing new and so writes nothing: no loop.
     */
    private void watch(long siteId) {
        watched.computeIfAbsent(siteId, id -> hub.subscribe(id, published -> {
            if (pending.add(id)) {
                // at most one change-driven evaluation a second per site: under 200 desks (400 events a second)
                // back-to-back evaluations took a whole core from the desks on a 2-core server
                Long last = lastChangeRun.get(id);
                long wait = last == null ? 0 : Math.max(0, CHANGE_GAP_NANOS - (System.nanoTime() - last));
                thread.schedule(() -> {
                    pending.remove(id);
                    lastChangeRun.put(id, System.nanoTime());
                    try {
                        jobs.runIfLeader(JOB, () -> {
                            db.read(h -> h.attach(SiteDao.class).site(id)).ifPresent(this::evaluate);
                            notifier.sendDue();
                        });
                    } catch (RuntimeException e) {
                        log.warn("Alert check of site {} failed; the next check tries again", id, e);
                    }
                }, wait, TimeUnit.NANOSECONDS);
            }
        }));
    }

    /** What one evaluation read, all before any write. */
    private record Reading(List<Measurement> measurements, Map<String, AlertRulesDto> rulesByKey,
                           List<AlertRow> open) {
    }

    private void evaluate(SiteDto site) {
        Instant now = clock.instant();
        Reading reading = read(site, now);
        var openByKey = new HashMap<String, AlertRow>();
        reading.open().forEach(row -> openByKey.put(row.rule() + "/" + row.subjectKey(), row));
        var changes = new ArrayList<Change>();
        for (Measurement m : reading.measurements()) {
            var row = openByKey.remove(m.rule().wireName() + "/" + m.key());
            decide(m, row, reading.rulesByKey().get(m.key()), now).ifPresent(changes::add);
        }
        // an open alert whose subject was not measured (a kiosk revoked): its condition is gone
        for (AlertRow row : openByKey.values()) {
            var gone = new Measurement(row.ruleKind(), row.subjectKey(), row.serviceId(), row.deviceId(),
                    row.subject(), null);
            decide(gone, row, reading.rulesByKey().getOrDefault(row.subjectKey(),
                    reading.rulesByKey().get(Measurement.SITE)), now).ifPresent(changes::add);
        }
        if (!changes.isEmpty()) {
            db.write(tx -> {
                changes.forEach(change -> apply(tx, site.id(), change, now));
                return null;
            });
        }
    }

    private Reading read(SiteDto site, Instant now) {
        var served = ports.sessions().servedServices(site.id());
        var sms = ports.sms().since(site.id(), now.minus(SMS_WINDOW));
        var printers = ports.printers().problems(site.id());
        return db.read(h -> {
            var measurements = new ArrayList<Measurement>();
            var rulesByKey = new HashMap<String, AlertRulesDto>();
            var today = now.atZone(ZoneId.of(site.timeZone())).toLocalDate();
            var waiting = new HashMap<Long, TicketDao.Waiting>();
            h.attach(TicketDao.class).waitingAt(site.id(), today).forEach(w -> waiting.put(w.serviceId(), w));
            var atSite = rules.atSite(h, site.id());
            AlertRulesDto siteRules = atSite.site();
            rulesByKey.put(Measurement.SITE, siteRules);
            for (var service : h.attach(SiteDao.class).services(site.id())) {
                String key = Measurement.serviceKey(service.id());
                rulesByKey.put(key, atSite.forService(service.id()));
                var w = waiting.get(service.id());
                int count = w == null ? 0 : w.waiting();
                Double oldest = w == null || w.oldestWaitingSince() == null ? null
                        : Math.max(0, Duration.between(w.oldestWaitingSince(), now).toMillis() / 60_000.0);
                Double unserved = count > 0 && !served.contains(service.id()) ? (double) count : null;
                measurements.add(new Measurement(AlertRule.OLDEST_WAIT, key, service.id(), null, service.name(), oldest));
                measurements.add(new Measurement(AlertRule.WAITING_COUNT, key, service.id(), null, service.name(),
                        (double) count));
                measurements.add(new Measurement(AlertRule.WAITING_WITHOUT_SESSION, key, service.id(), null,
                        service.name(), unserved));
            }
            Double failedPercent = sms.ended() > 0 && sms.failed() >= siteRules.smsMinFailures()
                    ? 100.0 * sms.failed() / sms.ended() : null;
            measurements.add(new Measurement(AlertRule.SMS_FAILURES, Measurement.SITE, null, null, null, failedPercent));
            for (var printer : printers) {
                String key = Measurement.deviceKey(printer.deviceId());
                rulesByKey.put(key, siteRules);
                measurements.add(new Measurement(AlertRule.PRINTER_PROBLEM, key, null, printer.deviceId(),
                        printer.deviceName(), Math.max(0, Duration.between(printer.since(), now).toMillis() / 60_000.0)));
            }
            return new Reading(measurements, rulesByKey, h.attach(AlertDao.class).openAt(site.id()));
        });
    }

    /** A change of one alert's state: raised, new tier, cleared, or only its hold started or ended. */
    private record Change(Measurement measurement, AlertRow row, Hysteresis.State next, Integer threshold) {
    }

    private static java.util.Optional<Change> decide(Measurement m, AlertRow row, AlertRulesDto rulesDto, Instant now) {
        var tiers = rulesDto.tiers(m.rule());
        var current = row == null ? Hysteresis.State.NONE : new Hysteresis.State(row.tierKind(), row.belowSince());
        var next = Hysteresis.next(current, m.value(), tiers, Duration.ofSeconds(rulesDto.holdSeconds()), now);
        if (next.equals(current)) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(new Change(m, row, next, next.tier() == null ? null : tiers.threshold(next.tier())));
    }

    private void apply(WriteTransaction tx, long siteId, Change change, Instant now) {
        var dao = tx.attach(AlertDao.class);
        var m = change.measurement();
        AlertTier tier = change.next().tier();
        EventType type;
        long id;
        if (change.row() == null) {
            id = dao.raise(siteId, m.rule().wireName(), m.key(), m.serviceId(), m.deviceId(), m.subject(),
                    tier.wireName(), m.value(), Summaries.of(m, m.value(), tier, change.threshold()), change.threshold(),
                    now);
            type = EventType.ALERT_RAISED;
        } else {
            id = change.row().id();
            AlertTier was = change.row().tierKind();
            if (tier == null) {
                dao.clear(id, now);
                type = EventType.ALERT_CLEARED;
            } else if (tier != was) {
                double value = m.value() != null ? m.value() : change.row().value();
                boolean rose = tier.compareTo(was) > 0;
                dao.changeTier(id, tier.wireName(), value, Summaries.of(m, value, tier, change.threshold()),
                        change.threshold(), rose, now);
                type = rose ? EventType.ALERT_ESCALATED : EventType.ALERT_TIER_LOWERED;
            } else {
                dao.belowSince(id, change.next().belowSince()); // the hold started or ended: no event
                return;
            }
        }
        var alert = dao.alert(id).orElseThrow().toDto();
        events.append(tx, siteId, ACTOR, new AlertChange(type, alert));
        if (tier == AlertTier.CRITICAL && type != EventType.ALERT_TIER_LOWERED) {
            notifier.enqueue(tx, alert, now);
        }
    }

    @Override
    public void close() {
        watched.values().forEach(Runnable::run);
        thread.shutdownNow();
    }
}
