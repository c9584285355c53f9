package org.queuedesk.server.event;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.LongStream;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.queuedesk.common.event.EventPayload.SessionChange;
import org.queuedesk.common.event.EventType;
import org.queuedesk.common.json.JsonMapperFactory;
import org.queuedesk.common.queue.SessionDto;
import org.queuedesk.server.notify.FakeSnsServer;
import org.queuedesk.server.testing.PostgresDatabases;
import org.queuedesk.server.testing.PostgresServer;

/**
 * Another instance (connection A) commits events of two sites in many transactions, announcing each; this
 * instance's feed (connections of its own) hands every one to the hub once, in sequence order per site, also
 * across a cut of its listening connection (pg_terminate_backend) with commits made while it was gone.
 */
class PostgresEventFeedIT {

    /** The event log as the PostgreSQL baseline (db/postgresql V16_2) has it, without the key to sites. */
    private static final String EVENTS = """
            CREATE TABLE events (
                site_id    BIGINT  NOT NULL,
                seq        BIGINT  NOT NULL,
                type       TEXT    NOT NULL,
                at         BIGINT  NOT NULL,
                payload    TEXT    NOT NULL,
                ticket_id  BIGINT GENERATED ALWAYS AS (coalesce((payload::jsonb #>> '{ticket,id}')::bigint,
                                                               (payload::jsonb #>> '{sms,ticketId}')::bigint)) STORED,
                PRIMARY KEY (site_id, seq))""";

    private final String url = PostgresServer.shared().createDatabase();
    private final ObjectMapper json = JsonMapperFactory.create();
    private final EventHub hub = new EventHub(new SimpleMeterRegistry());
    private final Map<Long, Long> written = new ConcurrentHashMap<>();
    private final AtomicInteger opened = new AtomicInteger();
    private final PostgresEventFeed feed = new PostgresEventFeed(() -> {
        opened.incrementAndGet();
        return PostgresDatabases.connect(url);
    }, hub, json);

    @AfterEach
    void close() {
        feed.close();
        hub.close();
    }

    @Test
    void everyCommittedEventReachesTheHubOnceInOrderAlsoAcrossAReconnect() throws Exception {
        PostgresDatabases.execute(url, EVENTS);
        var writer = Jdbi.create(url, PostgresServer.USER, "");
        commit(writer, 1, 3); // before the feed starts: clients catch up on these with since=N, not live
        Map<Long, List<Long>> received = Map.of(1L, new CopyOnWriteArrayList<>(), 2L, new CopyOnWriteArrayList<>());
        received.forEach((site, seqs) -> hub.subscribe(site, event -> seqs.add(event.seq())));
        feed.start();

        for (int i = 0; i < 30; i++) {
            commit(writer, 1 + i % 2, 1 + i % 3);
        }
        FakeSnsServer.await(Duration.ofSeconds(30), "the first 30 commits delivered",
                () -> lastOf(received.get(1L)) == written.get(1L) && lastOf(received.get(2L)) == written.get(2L));

        int pid = feed.listenerPid();
        assertThat(pid).isPositive();
        PostgresDatabases.execute(url, "SELECT pg_terminate_backend(" + pid + ")");
        for (int i = 0; i < 10; i++) { // while the feed reconnects: announced to nobody, read from the log
            commit(writer, 1 + i % 2, 2);
        }
        FakeSnsServer.await(Duration.ofSeconds(30), "the commits around the cut delivered",
                () -> lastOf(received.get(1L)) == written.get(1L) && lastOf(received.get(2L)) == written.get(2L));
        for (int i = 0; i < 4; i++) { // and the feed listens again
            commit(writer, 2, 1);
        }
        FakeSnsServer.await(Duration.ofSeconds(30), "the commits after the reconnect delivered",
                () -> lastOf(received.get(2L)) == written.get(2L));

        assertThat(received.get(1L)).containsExactlyElementsOf(range(4, written.get(1L)));
        assertThat(received.get(2L)).containsExactlyElementsOf(range(1, written.get(2L)));
        assertThat(opened.get()).as("the start's read, the first listener and the one after the cut").isEqualTo(3);
    }

    /** One transaction of another instance: {@code count} events of the site, then the announcement. */
    private void commit(Jdbi writer, long site, int count) {
        writer.useTransaction(handle -> {
            for (int i = 0; i < count; i++) {
                long seq = written.merge(site, 1L, Long::sum);
                insert(handle, site, seq);
            }
            PostgresEventFeed.announce(handle, site);
        });
    }

    private void insert(Handle handle, long site, long seq) {
        var event = new SessionChange(EventType.SESSION_OPENED,
                new SessionDto(seq, site, 1, "Room 1", "test", List.of(), false, null, Instant.EPOCH, null))
                .toEvent(seq, site, Instant.parse("2026-12-02T08:00:00Z"), "test");
        handle.createUpdate("INSERT INTO events(site_id, seq, type, at, payload) VALUES (:site, :seq, :type, 0, :payload)")
                .bind("site", site).bind("seq", seq).bind("type", event.type().wireName())
                .bind("payload", PublishedEvent.of(event, json).fullJson())
                .execute();
    }

    private static long lastOf(List<Long> seqs) {
        return seqs.isEmpty() ? 0 : seqs.get(seqs.size() - 1);
    }

    private static List<Long> range(long from, long to) {
        return new ArrayList<>(LongStream.rangeClosed(from, to).boxed().toList());
    }
}
