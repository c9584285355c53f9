package org.queuedesk.server.health;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.queuedesk.server.testing.MutableClock;
import org.queuedesk.server.testing.TestServer;

/** Prometheus scrapes one server from several places at once; none of them may get a 500. */
class MetricsScrapeIT {

    private static final int SITES = 30;
    private static final int SCRAPERS = 16;
    private static final int SCRAPES_EACH = 25;

    @Test
    void concurrentScrapesOfAServerWithManyServicesAllSucceed() throws Exception {
        try (var server = TestServer.start(new MutableClock(Instant.parse("2026-11-23T09:00:00Z")))) {
            var api = server.api();
            for (int s = 0; s < SITES; s++) {
                long site = api.createSite("Site " + s, "UTC").id();
                for (String prefix : new String[] {"A", "B", "C"}) {
                    api.createService(site, "Service " + prefix, prefix);
                }
            }
            long firstService = api.get("/api/sites/1/services").json().get(0).get("id").asLong();
            api.issue(firstService);

            ExecutorService pool = Executors.newFixedThreadPool(SCRAPERS);
            try {
                var start = new CountDownLatch(1);
                List<Future<List<String>>> results = new ArrayList<>();
                for (int t = 0; t < SCRAPERS; t++) {
                    results.add(pool.submit(() -> {
                        start.await();
                        var failures = new ArrayList<String>();
                        for (int i = 0; i < SCRAPES_EACH; i++) {
                            var scrape = api.get("/metrics");
                            if (scrape.status() != 200) {
                                failures.add(scrape.status() + " " + scrape.body());
                            }
                        }
                        return failures;
                    }));
                }
                start.countDown();
                var failures = new ArrayList<String>();
                for (var result : results) {
                    failures.addAll(result.get(5, TimeUnit.MINUTES));
                }
                assertThat(failures).as("failed scrapes of " + SCRAPERS * SCRAPES_EACH).isEmpty();
            } finally {
                pool.shutdownNow();
            }

            String body = api.get("/metrics").body();
            assertThat(body.lines().filter(l -> l.startsWith("queuedesk_queue_waiting{")).count())
                    .isEqualTo(SITES * 3L);
            assertThat(body).contains("queuedesk_queue_waiting{service=\"A\",site=\"1\"} 1.0");
        }
    }
}
