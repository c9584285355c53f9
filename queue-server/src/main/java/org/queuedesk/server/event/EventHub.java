package org.queuedesk.server.event;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fans committed events out to the live subscribers of their site, on a thread of its own: the writer hands
 * an event over and moves on, so Next never waits for a thousand sockets. One thread keeps commit order.
 * The events of a commit (a Next's "done" and "called"), and any published while the thread is busy, go
 * out together: each socket gets them in one write, and the call does not wait for a whole round of writes.
 */
public final class EventHub implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EventHub.class);

    /** An event on its way out, with the delivery that times it. */
    record Live(PublishedEvent event, Delivery delivery) {
    }

    /** A live stream socket: takes events (of its site, in order, several at once) and sends them. */
    interface Subscriber {
        void accept(List<Live> events);
    }

    private final Map<Long, Set<Subscriber>> subscribers = new ConcurrentHashMap<>();
    private final ConcurrentLinkedQueue<List<Live>> published = new ConcurrentLinkedQueue<>();
    private final ExecutorService fanOut = Executors.newSingleThreadExecutor(r -> {
        var thread = new Thread(r, "queuedesk-fan-out");
        thread.setDaemon(true);
        return thread;
    });
    private final Timer handed;
    private final Timer written;

    public EventHub(MeterRegistry metrics) {
        this.handed = fanOutTimer("queuedesk.events.fanout.handed",
                "Publish after commit until every subscriber of the site has the event", metrics);
        this.written = fanOutTimer("queuedesk.events.fanout",
                "Publish after commit until the last stream socket's frame is written", metrics);
    }

    private static Timer fanOutTimer(String name, String description, MeterRegistry metrics) {
        return Timer.builder(name).description(description).publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofNanos(100_000)).maximumExpectedValue(Duration.ofSeconds(10))
                .register(metrics);
    }

    /** Anything that only needs to know that something changed (e.g. patients' status pages). */
    public Runnable subscribe(long siteId, Consumer<PublishedEvent> subscriber) {
        return subscribeLive(siteId, events -> events.forEach(live -> subscriber.accept(live.event())));
    }

    Runnable subscribeLive(long siteId, Subscriber subscriber) {
        subscribers.computeIfAbsent(siteId, id -> ConcurrentHashMap.newKeySet()).add(subscriber);
        return () -> subscribers.getOrDefault(siteId, Set.of()).remove(subscriber);
    }

    /** The events of one commit, in sequence order. */
    void publish(List<PublishedEvent> events) {
        var live = new ArrayList<Live>(events.size());
        for (var event : events) {
            live.add(new Live(event, new Delivery(written)));
        }
        published.add(live);
        fanOut.execute(this::drain);
    }

    /** Takes everything published so far, in order; a later drain finds nothing left and returns. */
    private void drain() {
        Map<Long, List<Live>> bySite = new LinkedHashMap<>();
        for (var commit = published.poll(); commit != null; commit = published.poll()) {
            for (var live : commit) {
                bySite.computeIfAbsent(live.event().siteId(), id -> new ArrayList<>()).add(live);
            }
        }
        bySite.forEach((siteId, events) -> {
            for (var subscriber : subscribers.getOrDefault(siteId, Set.of())) {
                try {
                    subscriber.accept(events);
                } catch (RuntimeException e) {
                    log.warn("A stream subscriber failed", e);
                }
            }
            for (var live : events) {
                handed.record(live.delivery().elapsedNanos(), TimeUnit.NANOSECONDS);
                live.delivery().done();
            }
        });
    }

    @Override
    public void close() {
        fanOut.shutdownNow();
    }

    public int subscriberCount() {
        return subscribers.values().stream().mapToInt(Set::size).sum();
    }
}
