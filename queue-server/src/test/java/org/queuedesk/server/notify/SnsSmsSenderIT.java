package org.queuedesk.server.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.queuedesk.server.notify.FakeSnsServer.Fault;
import software.amazon.awssdk.services.sns.SnsClient;

/** The SNS sender through the real SDK client, against the SNS-protocol test server. */
class SnsSmsSenderIT {

    private final FakeSnsServer sns = FakeSnsServer.start();
    private final SnsClient client = SmsTestServer.snsClient(sns, Duration.ofMillis(500));
    private final SnsSmsSender sender = new SnsSmsSender(client, "Riverside", "+15550100");

    @AfterEach
    void stop() {
        sender.close();
        sns.close();
    }

    @Test
    void publishesATransactionalSmsToThePhoneNumberWithSenderIdAndOriginationNumber() throws Exception {
        String messageId = sender.send("+34600123456", "Your turn: Ticket A-042, Room 2.");

        assertThat(messageId).isNotBlank();
        var p = sns.published().get(0);
        assertThat(p.phone()).isEqualTo("+34600123456");
        assertThat(p.message()).isEqualTo("Your turn: Ticket A-042, Room 2.");
        assertThat(p.messageId()).isEqualTo(messageId);
        assertThat(p.attributes()).containsEntry("AWS.SNS.SMS.SMSType", "Transactional")
                .containsEntry("AWS.SNS.SMS.SenderID", "Riverside")
                .containsEntry("AWS.MM.SMS.OriginationNumber", "+15550100");
    }

    @Test
    void sendsUnicodeTextsUnchanged() throws Exception {
        sender.send("+34600123456", "حان دورك: التذكرة A-042، Room 2.");

        assertThat(sns.published().get(0).message()).isEqualTo("حان دورك: التذكرة A-042، Room 2.");
    }

    @Test
    void readsTheOptOutList() throws Exception {
        sns.optOut("+34600999888");

        assertThat(sender.isOptedOut("+34600999888")).isTrue();
        assertThat(sender.isOptedOut("+34600123456")).isFalse();
    }

    @Test
    void throttlingIsWorthRetrying() {
        sns.fail(Fault.THROTTLING);

        assertThatThrownBy(() -> sender.send("+34600123456", "hi"))
                .isInstanceOfSatisfying(SmsFailure.class, f -> {
                    assertThat(f.retryable()).isTrue();
                    assertThat(f.getMessage()).contains("Throttling").contains("Rate exceeded");
                });
    }

    @Test
    void serverErrorsAreWorthRetrying() {
        sns.fail(Fault.SERVER_ERROR);

        assertThatThrownBy(() -> sender.send("+34600123456", "hi"))
                .isInstanceOfSatisfying(SmsFailure.class, f -> assertThat(f.retryable()).isTrue());
        assertThat(sns.requests()).as("the SDK's own retries are off").isEqualTo(1);
    }

    @Test
    void aHangingReplyTimesOutAndIsWorthRetrying() {
        sns.fail(Fault.HANG);

        assertThatThrownBy(() -> sender.send("+34600123456", "hi"))
                .isInstanceOfSatisfying(SmsFailure.class, f -> {
                    assertThat(f.retryable()).isTrue();
                    assertThat(f.getMessage()).startsWith("no answer from SNS");
                });
        sns.heal();
    }

    @Test
    void aDroppedConnectionIsWorthRetrying() {
        sns.failNext(1, Fault.DROP);

        assertThatThrownBy(() -> sender.send("+34600123456", "hi"))
                .isInstanceOfSatisfying(SmsFailure.class, f -> assertThat(f.retryable()).isTrue());
    }

    @Test
    void failureReasonsNeverShowAFullPhoneNumber() {
        var failure = new SmsFailure(false, "Invalid parameter: PhoneNumber +34600123456 is not valid", null);

        assertThat(failure.getMessage()).contains("+34******456").doesNotContain("600123456");
    }

    @Test
    void smsAttributesCanBeSetAndReadThroughTheSdk() {
        client.setSMSAttributes(s -> s.attributes(Map.of("DefaultSMSType", "Transactional", "DefaultSenderID", "Riverside")));

        var attributes = client.getSMSAttributes(g -> g.attributes("DefaultSMSType")).attributes();
        assertThat(attributes).containsExactly(Map.entry("DefaultSMSType", "Transactional"));
        assertThat(client.getSMSAttributes(g -> { }).attributes()).containsEntry("DefaultSenderID", "Riverside");
    }
}
