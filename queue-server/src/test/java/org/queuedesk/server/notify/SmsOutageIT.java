package org.queuedesk.server.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.queuedesk.common.queue.NextResult;
import org.queuedesk.common.ticket.IssueTicketRequest;
import org.queuedesk.server.notify.FakeSnsServer.Fault;
import org.queuedesk.server.testing.MutableClock;

/**
 * SNS failing for a while (hanging replies, 500s, throttling, dropped connections) under a stream of issues
 * and calls: Next keeps answering, every message goes out once SNS recovers, and the duplicates that
 * at-least-once delivery allows are counted and reported.
 */
class SmsOutageIT {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private final FakeSnsServer sns = FakeSnsServer.start();
    private SmsTestServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
        sns.close();
    }

    private int queuedCount() {
        return server.server().database().read(h -> h.createQuery(
                "SELECT count(*) FROM sms_outbox WHERE state = 'queued'").mapTo(Integer.class).one());
    }

    private List<String> expectedMessages() {
        return server.server().database().read(h -> h.createQuery(
                "SELECT phone || char(10) || body FROM sms_outbox ORDER BY id").mapTo(String.class).list());
    }

    @Test
    void nextNeverWaitsOnSnsAndEveryMessageIsSentAfterRecovery() {
        server = SmsTestServer.start(Clock.systemUTC(), SmsTestServer.fastRetries(sns));
        var api = server.api();
        long site = api.createSite("Riverside Clinic", "UTC").id();
        long gp = api.createService(site, "General practice", "A").id();
        long room = api.createRoom(site, "Room 1").id();
        long session = api.openSession(room, List.of(gp), "dr.ruiz").id();
        var nextMillis = new ArrayList<Long>();
        int phone = 0;

        var baselineMillis = new ArrayList<Long>();
        for (int i = 0; i < 3; i++) {
            api.issue(new IssueTicketRequest(gp, null, null, null, null, null));
            long start = System.nanoTime();
            api.next(session);
            baselineMillis.add((System.nanoTime() - start) / 1_000_000);
        }

        int nextWhileHanging = 0;
        for (Fault fault : new Fault[] {Fault.HANG, Fault.SERVER_ERROR, Fault.THROTTLING, Fault.DROP}) {
            int failedBefore = sns.failedRequests();
            // a hanging SNS answers opt-out checks but sits on every Publish after taking it (duplicates follow)
            sns.fail(fault, fault == Fault.HANG);
            for (int i = 0; i < 5; i++) {
                api.issue(new IssueTicketRequest(gp, null, null, "Patient " + phone, "+346001234" + String.format("%02d", phone++), null));
            }
            FakeSnsServer.await(WAIT, "SNS failing with " + fault, () -> sns.failedRequests() > failedBefore);
            for (int i = 0; i < 2; i++) {
                boolean hangingBefore = sns.hangingRequests() > 0;
                long start = System.nanoTime();
                NextResult result = api.next(session);
                nextMillis.add((System.nanoTime() - start) / 1_000_000);
                assertThat(result.called()).as("Next calls a patient while SNS is down (" + fault + ")").isNotNull();
                if (fault == Fault.HANG && hangingBefore && sns.hangingRequests() > 0) {
                    nextWhileHanging++;
                }
            }
        }
        assertThat(nextWhileHanging).as("Next answered while a Publish hung at SNS").isPositive();
        assertThat(queuedCount()).as("messages waiting for SNS").isPositive();

        sns.heal();
        FakeSnsServer.await(WAIT, "the outbox to drain", () -> queuedCount() == 0);

        var expected = expectedMessages();
        var accepted = sns.published().stream().map(p -> p.phone() + "\n" + p.message()).toList();
        assertThat(accepted).as("every message reached SNS").containsAll(expected);
        int failed = server.server().database().read(h -> h.createQuery(
                "SELECT count(*) FROM sms_outbox WHERE state <> 'sent'").mapTo(Integer.class).one());
        assertThat(failed).isZero();
        System.out.printf("SMS outage: %d messages, %d accepted by SNS, %d duplicates (SNS took them but its reply"
                        + " hung past the timeout), %d failed SNS requests; Next took %s ms during the outage, %s ms before it%n",
                expected.size(), accepted.size(), sns.duplicates(), sns.failedRequests(), nextMillis, baselineMillis);
        assertThat(accepted.size()).isEqualTo(expected.size() + sns.duplicates());
    }

    @Test
    void pendingMessagesAreSentAfterARestart() {
        sns.fail(Fault.SERVER_ERROR);
        server = SmsTestServer.start(Clock.systemUTC(), SmsTestServer.fastRetries(sns));
        var api = server.api();
        long gp = api.createService(api.createSite("Riverside Clinic", "UTC").id(), "General practice", "A").id();
        for (int i = 0; i < 3; i++) {
            api.issue(new IssueTicketRequest(gp, null, null, null, "+3460012340" + i, null));
        }
        FakeSnsServer.await(WAIT, "a failed attempt", () -> sns.failedRequests() > 0);
        server.close();
        var dataDir = server.dataDir();
        server = null;

        sns.heal();
        server = SmsTestServer.startOn(dataDir, Clock.systemUTC(), SmsTestServer.fastRetries(sns));

        FakeSnsServer.await(WAIT, "three confirmations", () -> sns.published().size() >= 3);
        assertThat(sns.published()).extracting(FakeSnsServer.Published::phone)
                .containsExactlyInAnyOrder("+34600123400", "+34600123401", "+34600123402");
    }

    @Test
    void aMessageStillUnsentAfterTheConfiguredAgeFailsWithTheReason() {
        var clock = new MutableClock(Instant.parse("2026-11-23T09:00:00Z"));
        sns.fail(Fault.THROTTLING);
        server = SmsTestServer.start(clock, SmsTestServer.fastRetries(sns));
        var api = server.api();
        long gp = api.createService(api.createSite("Riverside Clinic", "UTC").id(), "General practice", "A").id();
        long ticket = api.issue(new IssueTicketRequest(gp, null, null, null, "+34600123456", null)).id();
        // the retry is recorded (with its time, on the frozen clock) before the clock moves on
        FakeSnsServer.await(WAIT, "a throttled attempt", () -> api.get("/api/tickets/" + ticket + "/sms").json()
                .get("messages").get(0).get("attempts").asInt() > 0);

        clock.advance(Duration.ofMinutes(31));

        FakeSnsServer.await(WAIT, "the message to fail", () -> queuedCount() == 0);
        var message = api.get("/api/tickets/" + ticket + "/sms").json().get("messages").get(0);
        assertThat(message.get("state").asText()).isEqualTo("failed");
        assertThat(message.get("reason").asText()).startsWith("Gave up after 30 min without delivery; last error: ");
        assertThat(sns.published()).isEmpty();
    }
}
