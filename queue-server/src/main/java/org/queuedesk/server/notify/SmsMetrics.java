package org.queuedesk.server.notify;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.queuedesk.server.ground.Database;

/**
 * What the dispatcher did with each message, as {@code queuedesk_sms_results_total{outcome}} (sent, logged,
 * failed, opted_out; retried for each attempt that failed and will be tried again), and how many wait in the
 * outbox, as {@code queuedesk_sms_outbox_queued} (counted at scrape time: an index holds exactly those rows).
 */
final class SmsMetrics {

    static final List<String> OUTCOMES = List.of("sent", "logged", "failed", "opted_out", "retried");
    private final Map<String, Counter> results;

    SmsMetrics(MeterRegistry registry, Database db) {
        // every outcome from the start: a rate over a series that appears with its first failure reads wrong
        this.results = OUTCOMES.stream().collect(Collectors.toUnmodifiableMap(Function.identity(),
                outcome -> Counter.builder("queuedesk.sms.results")
                        .description("Text messages handled by the dispatcher, by outcome")
                        .tag("outcome", outcome)
                        .register(registry)));
        Gauge.builder("queuedesk.sms.outbox.queued", db, d -> d.read(h -> h.attach(NotifyDao.class).queuedCount()))
                .description("Text messages waiting in the outbox to be sent")
                .strongReference(true)
                .register(registry);
    }

    /** A row's new state: {@code queued} again means a retry. */
    void recorded(String state) {
        results.get("queued".equals(state) ? "retried" : state).increment();
    }
}
