package org.queuedesk.server.event;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * Fans committed events out to the live subscribers of their site, on a thread of its own: the writer hands
 * an event over and moves on, so Next never waits for a thousand sockets. One thread keeps commit order.
 */
public final class EventHub implements AutoCloseable {

    private final Map<Long, Set<Consumer<PublishedEvent>>> subscribers = new ConcurrentHashMap<>();
    private final java.util.concurrent.ExecutorService fanOut = java.util.concurrent.Executors.newSingleThreadExecutor(r -> {
        var thread = new Thread(r, "queuedesk-fan-out");
        thread.setDaemon(true);
        return thread;
    });

    public Runnable subscribe(long siteId, Consumer<PublishedEvent> subscriber) {
        subscribers.computeIfAbsent(siteId, id -> ConcurrentHashMap.newKeySet()).add(subscriber);
        return () -> subscribers.getOrDefault(siteId, Set.of()).remove(subscriber);
    }

    void publish(PublishedEvent event) {
        fanOut.execute(() -> {
            for (var subscriber : subscribers.getOrDefault(event.siteId(), Set.of())) {
                try {
                    subscriber.accept(event);
                } catch (RuntimeException e) {
                    org.slf4j.LoggerFactory.getLogger(EventHub.class).warn("A stream subscriber failed", e);
                }
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
