package org.queuedesk.server.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.queuedesk.common.ticket.IssueTicketRequest;
import org.queuedesk.common.ticket.TicketDto;
import org.queuedesk.server.notify.FakeSnsServer.Fault;

/**
 * Messages to different numbers go out at once, each number's in order: with SNS taking its time (as it
 * does across a network) a burst does not queue behind itself.
 */
class SmsLanesIT {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private final FakeSnsServer sns = FakeSnsServer.start();
    private final SmsTestServer server = SmsTestServer.start(Clock.systemUTC(), SmsTestServer.fastRetries(sns, WAIT));

    @AfterEach
    void stop() {
        server.close();
        sns.close();
    }

    @Test
    void differentNumbersAreSentAtOnceAndOneNumbersMessagesInOrder() {
        var api = server.api();
        long site = api.createSite("Riverside Clinic", "UTC").id();
        long gp = api.createService(site, "General practice", "A").id();
        // SNS refuses for a moment, so the whole burst is queued when sending resumes
        sns.fail(Fault.THROTTLING);
        TicketDto first = api.issue(new IssueTicketRequest(gp, null, null, null, "+34600123401", null));
        for (int i = 2; i <= 4; i++) {
            api.issue(new IssueTicketRequest(gp, null, null, null, "+3460012340" + i, null));
        }
        api.post("/api/tickets/" + first.id() + "/cancel", null).as(TicketDto.class);
        FakeSnsServer.await(WAIT, "sending paused by throttling", () -> sns.failedRequests() > 0);

        sns.latency(Duration.ofMillis(150));
        sns.heal();
        // four confirmations and the cancellation, maybe an "almost your turn" too: wait for what is checked
        FakeSnsServer.await(WAIT, "five messages at SNS, two of them to the first number",
                () -> sns.published().size() >= 5 && sns.publishedTo("+34600123401").size() >= 2);

        assertThat(sns.maxInFlight()).as("numbers sent in parallel lanes").isGreaterThan(1)
                .isLessThanOrEqualTo(SmsDispatcher.SENDERS);
        assertThat(sns.publishedTo("+34600123401")).extracting(FakeSnsServer.Published::message)
                .as("one number's messages in the order they were written")
                .satisfiesExactly(confirmation -> assertThat(confirmation).contains("your ticket is A-001"),
                        cancellation -> assertThat(cancellation).contains("is cancelled"));
        assertThat(sns.duplicates()).isZero();
    }
}
