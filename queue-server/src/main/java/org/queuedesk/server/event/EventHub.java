package org.queuedesk.server.event;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/** Fans committed events out to the live subscribers of their site. Publishing never blocks on a client. */
public final class EventHub {

    private final Map<Long, Set<Consumer<PublishedEvent>>> subscribers = new ConcurrentHashMap<>();

    public Runnable subscribe(long siteId, Consumer<PublishedEvent> subscriber) {
        subscribers.computeIfAbsent(siteId, id -> ConcurrentHashMap.newKeySet()).add(subscriber);
        return () -> subscribers.getOrDefault(siteId, Set.of()).remove(subscriber);
    }

    void publish(PublishedEvent event) {
        for (var subscriber : subscribers.getOrDefault(event.siteId(), Set.of())) {
            subscriber.accept(event);
        }
    }

    public int subscriberCount() {
        return subscribers.values().stream().mapToInt(Set::size).sum();
    }
}
