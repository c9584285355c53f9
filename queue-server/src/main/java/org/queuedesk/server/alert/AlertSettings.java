package org.queuedesk.server.alert;

import java.net.URI;
import java.time.Duration;

/**
 * How alerts run: every site is evaluated on each change and every {@code checkEvery} (5 s); critical alerts
 * also go to the SNS topic {@code topicArn} ({@code --alert-topic-arn}/{@code QUEUEDESK_ALERT_TOPIC_ARN}; none:
 * desks only). {@code publisher} replaces the SNS client built from the ARN (tests with their own endpoint).
 */
public record AlertSettings(Duration checkEvery, String topicArn, TopicPublisher publisher) {

    public static AlertSettings defaults() {
        return new AlertSettings(Duration.ofSeconds(5), null, null);
    }

    /** From the flag's value; blank is none. */
    public static AlertSettings parse(String topicArn) {
        if (topicArn == null || topicArn.isBlank()) {
            return defaults();
        }
        String arn = topicArn.strip();
        if (!arn.startsWith("arn:")) {
            throw new IllegalArgumentException("--alert-topic-arn must be an SNS topic ARN (arn:aws:sns:REGION:ACCOUNT:NAME), not '"
                    + arn + "'");
        }
        return new AlertSettings(Duration.ofSeconds(5), arn, null);
    }

    public AlertSettings withPublisher(TopicPublisher newPublisher) {
        return new AlertSettings(checkEvery, topicArn, newPublisher);
    }

    /** The publisher to use: the given one, else an SNS client for the topic (at {@code endpoint} if set), else none. */
    TopicPublisher topic(URI endpoint) {
        if (publisher != null) {
            return publisher;
        }
        return topicArn == null ? TopicPublisher.NONE : SnsTopicPublisher.create(topicArn, endpoint);
    }
}
