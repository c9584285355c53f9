package org.queuedesk.server.event;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Some of the hub's subscribers and the one thread that feeds them. A subscriber stays in its shard, and a
 * shard takes commits in the order they were published, so each socket still sees commit order.
 */
final class FanOutShard implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(FanOutShard.class);
    private final Map<Long, Set<EventHub.Subscriber>> subscribers = new ConcurrentHashMap<>();
    private final ConcurrentLinkedQueue<List<EventHub.Live>> published = new ConcurrentLinkedQueue<>();
    private final ExecutorService thread;

    FanOutShard(String name) {
        thread = Executors.newSingleThreadExecutor(r -> {
            var t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        });
    }

    Runnable subscribe(long siteId, EventHub.Subscriber subscriber) {
        subscribers.computeIfAbsent(siteId, id -> ConcurrentHashMap.newKeySet()).add(subscriber);
        return () -> subscribers.getOrDefault(siteId, Set.of()).remove(subscriber);
    }

    /** The events of one commit, in sequence order. */
    void publish(List<EventHub.Live> commit) {
        published.add(commit);
        thread.execute(this::drain);
    }

    /**
     * Takes every commit published so far, so what came meanwhile goes to each socket together; a later
     * drain finds nothing left and returns.
     */
    private void drain() {
        Map<Long, List<EventHub.Live>> bySite = new LinkedHashMap<>();
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
            events.forEach(live -> live.delivery().handedOver());
        });
    }

    int subscriberCount() {
        return subscribers.values().stream().mapToInt(Set::size).sum();
    }

    @Override
    public void close() {
        thread.shutdownNow();
    }
}
