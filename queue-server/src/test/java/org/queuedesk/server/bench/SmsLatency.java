package org.queuedesk.server.bench;

import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.queuedesk.common.ticket.IssueTicketRequest;
import org.queuedesk.server.notify.FakeSnsServer;
import org.queuedesk.server.notify.SmsTestServer;

/**
 * "The SMS request leaves within 100 ms (p99) of the commit": tickets with a phone number are issued at a
 * steady rate against a server that sends through the real {@code SnsClient} to our SNS test server, and
 * each confirmation's arrival there is timed from the moment its request was sent (an upper bound of the
 * time from its commit). Each number is new, so every message also pays the opt-out check before it.
 */
final class SmsLatency {

    static final int MESSAGES = 200;
    static final int PER_SECOND = 20;
    /** Sent first and not measured: the SDK's and the dispatcher's first calls load and compile classes. */
    static final int WARM_UP = 60;

    record Result(long[] sortedNanos, int sent, int duplicates) {
    }

    private SmsLatency() {
    }

    /** {@code snsLatency}: how long each SNS call takes (zero: loopback; real SNS takes tens of ms). */
    static Result measure(Duration snsLatency) {
        try (var sns = FakeSnsServer.start();
             var server = SmsTestServer.start(Clock.systemUTC(), SmsTestServer.fastRetries(sns))) {
            sns.latency(snsLatency);
            var api = server.api();
            long site = api.createSite("SMS Clinic", "UTC").id();
            long service = api.createService(site, "General practice", "A").id();
            Map<String, Long> sentAt = new HashMap<>();
            long period = TimeUnit.SECONDS.toNanos(1) / PER_SECOND;
            long due = System.nanoTime();
            for (int i = 0; i < WARM_UP + MESSAGES; i++) {
                parkUntil(due += period);
                String phone = String.format("+3460010%04d", i);
                if (i >= WARM_UP) {
                    sentAt.put(phone, System.nanoTime());
                }
                api.issue(new IssueTicketRequest(service, null, null, null, phone, null));
            }
            FakeSnsServer.await(Duration.ofSeconds(60), "every confirmation at SNS",
                    () -> sns.published().size() >= WARM_UP + MESSAGES);
            List<FakeSnsServer.Published> published = sns.published();
            var latencies = new QueueBenchmark.LongList();
            for (var message : published) {
                Long sent = sentAt.remove(message.phone()); // the first arrival per number; later ones are duplicates
                if (sent != null) {
                    latencies.add(message.receivedNanos() - sent);
                }
            }
            return new Result(QueueBenchmark.LongList.concat(new QueueBenchmark.LongList[] {latencies}),
                    published.size() - WARM_UP, sns.duplicates());
        }
    }

    private static void parkUntil(long nanoTime) {
        for (long left = nanoTime - System.nanoTime(); left > 0; left = nanoTime - System.nanoTime()) {
            LockSupport.parkNanos(left);
        }
    }
}
