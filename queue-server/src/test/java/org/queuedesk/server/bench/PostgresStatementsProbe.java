package org.queuedesk.server.bench;

import java.sql.DriverManager;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.queuedesk.server.app.QueueServer;
import org.queuedesk.server.app.ServerConfig;
import org.queuedesk.server.testing.Api;
import org.queuedesk.server.testing.OpenAccessAuthenticator;
import org.queuedesk.server.testing.PostgresServer;
import org.queuedesk.server.testing.TestServer;
import org.queuedesk.server.testing.TestStore;

/**
 * Where PostgreSQL's time goes under the desks' load: 20 desks issue and press Next on an in-process server on
 * PostgreSQL, then the statements by total time from {@code pg_stat_statements}. Run with
 * {@code -Dqueuedesk.test.pgSettings="-c shared_preload_libraries=pg_stat_statements"} (README, "Benchmark").
 */
public final class PostgresStatementsProbe {

    private PostgresStatementsProbe() {
    }

    public static void main(String[] args) throws Exception {
        var config = TestStore.onPostgres(ServerConfig.forTests(TestServer.freshDir()));
        try (var server = new QueueServer(config, Clock.systemUTC(), new OpenAccessAuthenticator()).start()) {
            var api = new Api(server.baseUrl());
            long site = api.createSite("Probe", "UTC").id();
            List<long[]> desks = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                long service = api.createService(site, "S" + i, String.valueOf((char) ('A' + i))).id();
                long room = api.createRoom(site, "Room " + i).id();
                desks.add(new long[] {service, api.openSession(room, List.of(service), "dr" + i).id()});
            }
            int rounds = Integer.getInteger("probe.rounds", 100);
            try (var c = DriverManager.getConnection(config.postgres().url(), PostgresServer.USER, null);
                 var s = c.createStatement()) {
                s.execute("CREATE EXTENSION IF NOT EXISTS pg_stat_statements");
                for (int r = 0; r < 20; r++) { // warm, then count from zero
                    for (long[] d : desks) {
                        api.issue(d[0]);
                        api.next(d[1]);
                    }
                }
                s.execute("SELECT pg_stat_statements_reset()");
                long start = System.nanoTime();
                for (int r = 0; r < rounds; r++) {
                    for (long[] d : desks) {
                        api.issue(d[0]);
                        api.next(d[1]);
                    }
                }
                double seconds = (System.nanoTime() - start) / 1e9;
                System.out.printf("%d requests in %.1f s%n", rounds * desks.size() * 2, seconds);
                try (var rs = s.executeQuery("""
                        SELECT calls, round(total_exec_time::numeric, 1) AS ms, round(mean_exec_time::numeric, 3) AS mean,
                               rows, shared_blks_hit + shared_blks_read AS blocks, left(regexp_replace(query, '\\s+', ' ', 'g'), 150) AS q
                          FROM pg_stat_statements ORDER BY total_exec_time DESC LIMIT 25""")) {
                    while (rs.next()) {
                        System.out.printf("%6d calls %9s ms %8s mean %7d rows %8d blks  %s%n", rs.getLong(1), rs.getString(2),
                                rs.getString(3), rs.getLong(4), rs.getLong(5), rs.getString(6));
                    }
                }
            }
        }
        System.exit(0);
    }
}
