package org.queuedesk.server.alert;

import java.net.URI;
import java.time.Duration;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.services.sns.SnsClient;

/**
 * Critical alerts to an SNS topic ({@code Publish} with {@code TopicArn}); the topic's subscriptions (a
 * manager's phone or e-mail) are set up in AWS. Credentials and region from the SDK's default chain. No SDK
 * retries: the notification outbox retries with its own backoff.
 */
public final class SnsTopicPublisher implements TopicPublisher {

    private final SnsClient sns;
    private final String topicArn;

    public SnsTopicPublisher(SnsClient sns, String topicArn) {
        this.sns = sns;
        this.topicArn = topicArn;
    }

    /** The production client, with the SMS settings' endpoint override if any (a local SNS-compatible server). */
    public static SnsTopicPublisher create(String topicArn, URI endpoint) {
        var builder = SnsClient.builder().overrideConfiguration(overrides(Duration.ofSeconds(5)));
        if (endpoint != null) {
            builder.endpointOverride(endpoint);
        }
        return new SnsTopicPublisher(builder.build(), topicArn);
    }

    public static ClientOverrideConfiguration overrides(Duration attemptTimeout) {
        return ClientOverrideConfiguration.builder()
                .retryStrategy(AwsRetryStrategy.doNotRetry())
                .apiCallAttemptTimeout(attemptTimeout)
                .apiCallTimeout(attemptTimeout.plusSeconds(1))
                .build();
    }

    @Override
    public boolean configured() {
        return true;
    }

    @Override
    public String publish(String subject, String message) {
        return sns.publish(p -> p.topicArn(topicArn).subject(subject).message(message)).messageId();
    }

    @Override
    public void close() {
        sns.close();
    }
}
