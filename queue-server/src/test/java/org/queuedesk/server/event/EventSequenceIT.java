package org.queuedesk.server.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.queuedesk.common.event.EventPayload.SessionChange;
import org.queuedesk.common.event.EventType;
import org.queuedesk.common.json.JsonMapperFactory;
import org.queuedesk.common.queue.SessionDto;
import org.queuedesk.server.ground.ApiProblem;
import org.queuedesk.server.ground.Database;
import org.queuedesk.server.ground.SqliteSettings;
import org.queuedesk.server.site.SiteDao;
import org.queuedesk.server.testing.TestServer;

/**
 * The writer counts a site's event numbers in memory and stores the count once per commit: numbers stay
 * gapless and unique through refused writes, shared commits and a restart, and the stored count is right.
 */
class EventSequenceIT {

    private final Path file = TestServer.freshDir().resolve("events.db");

    private static EventLog log() {
        return new EventLog(JsonMapperFactory.create(), new EventHub(new SimpleMeterRegistry()), Clock.systemUTC());
    }

    private static long append(Database db, EventLog log, long site) {
        return db.write(tx -> log.append(tx, site, "test", opened(site)).seq());
    }

    private static SessionChange opened(long site) {
        return new SessionChange(EventType.SESSION_OPENED,
                new SessionDto(1, site, 1, "Room 1", "test", List.of(), false, null, Instant.EPOCH, null));
    }

    private static List<Long> stored(Database db, long site) {
        return db.read(h -> h.createQuery("SELECT seq FROM events WHERE site_id = :s ORDER BY seq")
                .bind("s", site).mapTo(Long.class).list());
    }

    @Test
    void numbersStayGaplessThroughRefusedAndConcurrentWritesAndARestart() throws Exception {
        long site;
        try (var db = Database.open(file, SqliteSettings.defaults())) {
            var log = log();
            site = db.write(tx -> tx.attach(SiteDao.class).insertSite("Clinic", "UTC").id());
            assertThat(append(db, log, site)).isEqualTo(1);
            assertThatThrownBy(() -> db.write(tx -> {
                log.append(tx, site, "test", opened(site));
                throw ApiProblem.conflict("refused");
            })).isInstanceOf(ApiProblem.class);
            assertThat(append(db, log, site)).as("a refused write's number is given again").isEqualTo(2);

            // many writes at once share commits; every tenth is refused after taking a number
            var pool = Executors.newFixedThreadPool(16);
            var go = new CountDownLatch(1);
            List<Future<Long>> results = new ArrayList<>();
            for (int i = 0; i < 300; i++) {
                int n = i;
                results.add(pool.submit(() -> {
                    go.await();
                    return db.write(tx -> {
                        long seq = log.append(tx, site, "test", opened(site)).seq();
                        if (n % 10 == 0) {
                            throw ApiProblem.conflict("refused " + n);
                        }
                        return seq;
                    });
                }));
            }
            go.countDown();
            List<Long> given = new ArrayList<>();
            for (var result : results) {
                try {
                    given.add(result.get(60, TimeUnit.SECONDS));
                } catch (ExecutionException e) {
                    assertThat(e.getCause()).isInstanceOf(ApiProblem.class);
                }
            }
            pool.shutdown();
            assertThat(given).hasSize(270).doesNotHaveDuplicates();
            assertThat(stored(db, site)).containsExactlyElementsOf(LongStream.rangeClosed(1, 272).boxed().toList());
            assertThat(log.lastSeq(db, site)).as("the stored count").isEqualTo(272);
        }
        try (var db = Database.open(file, SqliteSettings.defaults())) {
            assertThat(append(db, log(), site)).as("after a restart").isEqualTo(273);
        }
    }
}
