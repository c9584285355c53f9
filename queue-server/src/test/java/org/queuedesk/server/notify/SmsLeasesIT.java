package org.queuedesk.server.notify;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.queuedesk.common.json.JsonMapperFactory;
import org.queuedesk.server.event.EventHub;
import org.queuedesk.server.event.EventLog;
import org.queuedesk.server.ground.Database;
import org.queuedesk.server.ground.Dialect;
import org.queuedesk.server.ground.SqliteSettings;
import org.queuedesk.server.privacy.PhoneHasher;
import org.queuedesk.server.testing.MutableClock;
import org.queuedesk.server.testing.PostgresServer;

/**
 * Two SMS dispatchers, as two server instances have, on one database: each message goes out exactly once, one
 * number's messages in the order they were written, and a message claimed by an instance that died is sent by
 * the other once the lease runs out. On one PostgreSQL database (the claim with {@code SKIP LOCKED}) and on
 * one SQLite file (two processes' worth of pools and writers on it).
 */
class SmsLeasesIT {

    @TempDir
    Path dir;
    private final List<AutoCloseable> open = new ArrayList<>();
    private final FakeSnsServer sns = FakeSnsServer.start();

    @AfterEach
    void closeAll() throws Exception {
        for (int i = open.size() - 1; i >= 0; i--) {
            open.get(i).close();
        }
        sns.close();
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void twoDispatchersSendTwoHundredMessagesEachExactlyOnceAndInOrderPerNumber(Dialect dialect) {
        Clock clock = Clock.tick(Clock.systemUTC(), Duration.ofMillis(1));
        var stores = twoInstances(dialect);
        // both running before anything is queued: a dispatcher on SQLite, where it is the one instance in
        // production, drops every lease as it starts (a restart's leftovers)
        var a = dispatcher(stores.get(0), dialect, clock);
        var b = dispatcher(stores.get(1), dialect, clock);
        a.start();
        b.start();
        var written = new ArrayList<String>();
        stores.get(0).write(tx -> {
            var dao = tx.attach(NotifyDao.class);
            for (int i = 0; i < 200; i++) {
                String body = "message " + i;
                dao.insertCode(1, "verification_code", phone(i % 50), "en", body, "queued", clock.instant(), null);
                written.add(body);
            }
            return null;
        });
        a.wake();
        b.wake();
        FakeSnsServer.await(Duration.ofSeconds(60), "200 messages sent",
                () -> sns.published().size() >= 200 && queued(stores.get(0)) == 0);

        var bodies = sns.published().stream().map(FakeSnsServer.Published::message).toList();
        assertThat(bodies).hasSize(200).containsExactlyInAnyOrderElementsOf(written);
        // one number's messages went out in the order they were written, whichever instance sent them
        Map<String, List<Integer>> byNumber = sns.published().stream().collect(Collectors.groupingBy(
                FakeSnsServer.Published::phone, Collectors.mapping(p -> Integer.parseInt(p.message().substring(8)),
                        Collectors.toList())));
        byNumber.values().forEach(numbers -> assertThat(numbers).isSorted());
        int sentAndFree = stores.get(1).read(h -> h.createQuery(
                "SELECT count(*) FROM sms_outbox WHERE state = 'sent' AND leased_by IS NULL").mapTo(Integer.class).one());
        assertThat(sentAndFree).isEqualTo(200);
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void aLeaseLeftByADeadInstanceIsTakenOverOnceItRunsOut(Dialect dialect) {
        var clock = new MutableClock(Instant.parse("2026-12-02T08:00:00Z"));
        var stores = twoInstances(dialect);
        var survivor = dispatcher(stores.get(1), dialect, clock);
        survivor.start();

        // an instance claimed three messages and died before sending them
        Instant now = clock.instant();
        stores.get(0).write(tx -> {
            var dao = tx.attach(NotifyDao.class);
            for (int i = 0; i < 3; i++) {
                dao.insertCode(1, "verification_code", phone(i), "en", "claimed " + i, "queued", now, null);
            }
            assertThat(dao.claim(dialect, "dead-instance", now, now.plus(SmsDispatcher.LEASE), 10)).hasSize(3);
            return null;
        });
        // a message nobody holds: once it is out, the survivor has looked at the outbox with the lease live
        stores.get(0).write(tx -> tx.attach(NotifyDao.class)
                .insertCode(1, "verification_code", phone(9), "en", "free", "queued", now, null));
        survivor.wake();
        FakeSnsServer.await(Duration.ofSeconds(30), "the free message sent", () -> sns.published().size() == 1);
        assertThat(sns.published()).extracting(FakeSnsServer.Published::message).containsExactly("free");

        clock.advance(SmsDispatcher.LEASE.plusSeconds(1));
        survivor.wake();
        FakeSnsServer.await(Duration.ofSeconds(30), "the dead instance's messages sent",
                () -> sns.published().size() >= 4 && queued(stores.get(0)) == 0);
        assertThat(sns.published()).extracting(FakeSnsServer.Published::message)
                .containsExactlyInAnyOrder("free", "claimed 0", "claimed 1", "claimed 2");
    }

    private static String phone(int n) {
        return String.format("+3460000%04d", n);
    }

    private static int queued(Database db) {
        return db.read(h -> h.createQuery("SELECT count(*) FROM sms_outbox WHERE state = 'queued'")
                .mapTo(Integer.class).one());
    }

    /** Two instances' databases on one store, with site 1. */
    private List<Database> twoInstances(Dialect dialect) {
        Function<Integer, Database> opener;
        if (dialect == Dialect.POSTGRESQL) {
            // each instance its own pool on one database; the first one's start creates the schema
            String url = PostgresServer.shared().createDatabase();
            opener = i -> Database.openPostgres(new org.queuedesk.server.ground.PostgresSettings(url,
                    PostgresServer.USER, "", 4));
        } else {
            Path file = dir.resolve("queuedesk.db");
            opener = i -> Database.open(file, SqliteSettings.defaults());
        }
        var first = opener.apply(0);
        open.add(first);
        first.write(tx -> tx.handle().execute("INSERT INTO sites(id, name, time_zone) VALUES (1, 'North', 'UTC')"));
        var second = opener.apply(1);
        open.add(second);
        return List.of(first, second);
    }

    private SmsDispatcher dispatcher(Database db, Dialect dialect, Clock clock) {
        var registry = new SimpleMeterRegistry();
        var hub = new EventHub(registry);
        open.add(hub);
        var settings = SmsTestServer.fastRetries(sns, Duration.ofSeconds(10));
        var sender = new SnsSmsSender(SmsTestServer.snsClient(sns, Duration.ofSeconds(10)), "QueueDesk", null);
        var dispatcher = new SmsDispatcher(db, dialect, sender, settings,
                new EventLog(JsonMapperFactory.create(), hub, clock), clock, new PhoneHasher(new byte[32]), registry);
        open.add(dispatcher);
        return dispatcher;
    }
}
