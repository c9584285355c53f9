package org.queuedesk.server.event;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.queuedesk.server.ground.Port;

/**
 * Fans committed events out to the live subscribers of their site, on threads of its own: the writer hands
 * the events of a commit over and moves on, so Next never waits for a thousand sockets. Subscribers are
 * spread over one thread per core, since a socket write costs the same whichever thread makes it; each
 * subscriber stays on one thread, which keeps its events in commit order. A commit's events (a Next's
 * "done" and "called") go out together, one write per socket.
 */
@Port
public final class EventHub implements AutoCloseable {

    /** An event on its way out, with the delivery that times it. */
    record Live(PublishedEvent event, Delivery delivery) {
    }

    /** A live stream socket: takes events (of its site, in order, several at once) and sends them. */
    interface Subscriber {
        void accept(List<Live> events);
    }

    private final List<FanOutShard> shards = new ArrayList<>();
    private final AtomicInteger nextShard = new AtomicInteger();
    private final Timer handed;
    private final Timer written;

    public EventHub(MeterRegistry metrics) {
        for (int i = 0; i < Runtime.getRuntime().availableProcessors(); i++) {
            shards.add(new FanOutShard("queuedesk-fan-out-" + i));
        }
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
        return shards.get(Math.floorMod(nextShard.getAndIncrement(), shards.size())).subscribe(siteId, subscriber);
    }

    /** The events of one commit, in sequence order; called by the single writer thread, so in commit order. */
    void publish(List<PublishedEvent> events) {
        var commit = new ArrayList<Live>(events.size());
        for (var event : events) {
            commit.add(new Live(event, new Delivery(handed, written, shards.size())));
        }
        shards.forEach(shard -> shard.publish(commit));
    }

    @Override
    public void close() {
        shards.forEach(FanOutShard::close);
    }

    public int subscriberCount() {
        return shards.stream().mapToInt(FanOutShard::subscriberCount).sum();
    }
}
