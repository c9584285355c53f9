package org.queuedesk.server.notify;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.MessageAttributeValue;

/**
 * Direct SMS through Amazon SNS: {@code Publish} with {@code PhoneNumber} as a Transactional message, with
 * the configured sender ID or origination number. Credentials and region come from the SDK's default
 * provider chain. The SDK's own retries are off: the {@link SmsDispatcher} retries with its own backoff,
 * so a throttled or failing SNS never holds a thread for long.
 */
public final class SnsSmsSender implements SmsSender {

    static final String SMS_TYPE = "AWS.SNS.SMS.SMSType";
    static final String SENDER_ID = "AWS.SNS.SMS.SenderID";
    static final String ORIGINATION_NUMBER = "AWS.MM.SMS.OriginationNumber";
    private final SnsClient sns;
    private final Map<String, MessageAttributeValue> attributes;

    public SnsSmsSender(SnsClient sns, String senderId, String originationNumber) {
        this.sns = sns;
        var attrs = new LinkedHashMap<String, MessageAttributeValue>();
        attrs.put(SMS_TYPE, text("Transactional"));
        if (senderId != null && !senderId.isBlank()) {
            attrs.put(SENDER_ID, text(senderId.strip()));
        }
        if (originationNumber != null && !originationNumber.isBlank()) {
            attrs.put(ORIGINATION_NUMBER, text(originationNumber.strip()));
        }
        this.attributes = Map.copyOf(attrs);
    }

    /** The production client: default credentials and region, optional endpoint override, our timeouts. */
    public static SnsSmsSender fromSettings(SmsSettings settings) {
        var builder = SnsClient.builder().overrideConfiguration(clientOverrides(settings.attemptTimeout()));
        if (settings.snsEndpoint() != null) {
            builder.endpointOverride(settings.snsEndpoint());
        }
        return new SnsSmsSender(builder.build(), settings.senderId(), settings.originationNumber());
    }

    /** No SDK retries (the dispatcher retries) and a bound on every attempt, so a hanging SNS is a timeout. */
    public static ClientOverrideConfiguration clientOverrides(Duration attemptTimeout) {
        return ClientOverrideConfiguration.builder()
                .retryStrategy(AwsRetryStrategy.doNotRetry())
                .apiCallAttemptTimeout(attemptTimeout)
                .apiCallTimeout(attemptTimeout.plusSeconds(1))
                .build();
    }

    @Override
    public String send(String phone, String body) throws SmsFailure {
        try {
            return sns.publish(p -> p.phoneNumber(phone).message(body).messageAttributes(attributes)).messageId();
        } catch (SdkException e) {
            throw classify("Publish", e);
        }
    }

    @Override
    public boolean isOptedOut(String phone) throws SmsFailure {
        try {
            return Boolean.TRUE.equals(sns.checkIfPhoneNumberIsOptedOut(c -> c.phoneNumber(phone)).isOptedOut());
        } catch (SdkException e) {
            throw classify("CheckIfPhoneNumberIsOptedOut", e);
        }
    }

    /** Throttling, 5xx and no answer at all are worth retrying; any other refusal will not change. */
    static SmsFailure classify(String action, SdkException e) {
        if (e instanceof AwsServiceException service) {
            var details = service.awsErrorDetails();
            String code = details == null ? null : details.errorCode();
            String message = details == null ? service.getMessage() : details.errorMessage();
            boolean retryable = service.isThrottlingException() || service.statusCode() >= 500
                    || service.statusCode() == 429;
            return new SmsFailure(retryable, "SNS " + action + " " + service.statusCode()
                    + (code == null ? "" : " " + code) + (message == null ? "" : ": " + message), e);
        }
        if (e instanceof SdkClientException) {
            return new SmsFailure(true, "no answer from SNS (" + action + "): " + e.getMessage(), e);
        }
        return new SmsFailure(true, "SNS " + action + " failed: " + e.getMessage(), e);
    }

    @Override
    public void close() {
        sns.close();
    }

    private static MessageAttributeValue text(String value) {
        return MessageAttributeValue.builder().dataType("String").stringValue(value).build();
    }
}
