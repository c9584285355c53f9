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
                long commitsBefore = commits(s);
                long start = System.nanoTime();
                for (int r = 0; r < rounds; r++) {
                    for (long[] d : desks) {
                        api.issue(d[0]);
                        api.next(d[1]);
                    }
                }
                double seconds = (System.nanoTime() - start) / 1e9;
                int requests = rounds * desks.size() * 2;
                long commits = commits(s) - commitsBefore;
                System.out.printf("%d requests in %.1f s; %.2f commits per request%n", requests, seconds, (double) commits / requests);
                // with -c pg_stat_statements.track_planning=on the planning time is counted too (0 otherwise)
                try (var rs = s.executeQuery("""
                        SELECT sum(calls), sum(total_exec_time), sum(total_plan_time), sum(plans) FROM pg_stat_statements""")) {
                    rs.next();
                    System.out.printf("per request: %.1f statements, execution %.0f us, planning %.0f us (%.1f plans)%n",
                            rs.getDouble(1) / requests, rs.getDouble(2) * 1e3 / requests, rs.getDouble(3) * 1e3 / requests,
                            rs.getDouble(4) / requests);
                }
                try (var rs = s.executeQuery("""
                        SELECT calls, round(total_exec_time::numeric, 1) AS ms, round(total_plan_time::numeric, 1) AS plan,
                               plans, rows, shared_blks_hit + shared_blks_read AS blocks,
                               left(regexp_replace(query, '\\s+', ' ', 'g'), 150) AS q
                          FROM pg_stat_statements ORDER BY calls DESC, total_exec_time DESC LIMIT 40""")) {
                    while (rs.next()) {
                        System.out.printf("%5.2f/req %6d calls %8s ms exec %8s ms plan %6d plans %7d rows %8d blks  %s%n",
                                rs.getDouble(1) / requests, rs.getLong(1), rs.getString(2), rs.getString(3), rs.getLong(4),
                                rs.getLong(5), rs.getLong(6), rs.getString(7));
                    }
                }
            }
        }
        System.exit(0);
    }

    private static long commits(java.sql.Statement s) throws java.sql.SQLException {
        try (var rs = s.executeQuery("SELECT sum(xact_commit) FROM pg_stat_database")) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
