package org.queuedesk.server.notify;

import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.function.BinaryOperator;

/**
 * How text messages are sent. From flags or environment ({@code --sms=log|sns} / {@code QUEUEDESK_SMS},
 * {@code --sns-endpoint} / {@code QUEUEDESK_SNS_ENDPOINT}, {@code --sms-sender-id},
 * {@code --sms-origination-number}, {@code --public-url}, {@code --sms-max-per-phone-per-day},
 * {@code --sms-max-per-kiosk-per-minute}, {@code --sms-give-up-after-minutes}). {@code sender}, when set,
 * replaces the one {@code mode} would build (tests, embedding).
 */
public record SmsSettings(Mode mode, URI snsEndpoint, String senderId, String originationNumber, String publicUrl,
                          int maxPerPhonePerDay, int maxPerKioskPerMinute, Duration giveUpAfter, Duration retryBase,
                          Duration retryMax, Duration attemptTimeout, Duration optOutCheckTtl, SmsSender sender) {

    public enum Mode { LOG, SNS }

    public static SmsSettings defaults() {
        return new SmsSettings(Mode.LOG, null, null, null, null, 5, 10, Duration.ofMinutes(30), Duration.ofSeconds(1),
                Duration.ofMinutes(1), Duration.ofSeconds(5), Duration.ofHours(24), null);
    }

    /** {@code setting.apply(name, fallback)} reads one flag or environment variable. */
    public static SmsSettings from(BinaryOperator<String> setting) {
        var d = defaults();
        String mode = setting.apply("sms", "log").strip().toUpperCase(Locale.ROOT);
        Mode parsed;
        try {
            parsed = Mode.valueOf(mode);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--sms must be 'log' or 'sns', not '" + mode.toLowerCase(Locale.ROOT) + "'");
        }
        String endpoint = setting.apply("sns-endpoint", "");
        String publicUrl = setting.apply("public-url", "");
        return new SmsSettings(parsed, endpoint.isBlank() ? null : uri("--sns-endpoint", endpoint),
                blankToNull(setting.apply("sms-sender-id", "")), blankToNull(setting.apply("sms-origination-number", "")),
                publicUrl.isBlank() ? null : uri("--public-url", publicUrl).toString().replaceAll("/+$", ""),
                number("sms-max-per-phone-per-day", setting.apply("sms-max-per-phone-per-day", "" + d.maxPerPhonePerDay())),
                number("sms-max-per-kiosk-per-minute", setting.apply("sms-max-per-kiosk-per-minute", "" + d.maxPerKioskPerMinute())),
                Duration.ofMinutes(number("sms-give-up-after-minutes",
                        setting.apply("sms-give-up-after-minutes", "" + d.giveUpAfter().toMinutes()))),
                d.retryBase(), d.retryMax(), d.attemptTimeout(), d.optOutCheckTtl(), null);
    }

    public SmsSettings withSender(SmsSender value) {
        return new SmsSettings(mode, snsEndpoint, senderId, originationNumber, publicUrl, maxPerPhonePerDay,
                maxPerKioskPerMinute, giveUpAfter, retryBase, retryMax, attemptTimeout, optOutCheckTtl, value);
    }

    public SmsSettings withPublicUrl(String value) {
        return new SmsSettings(mode, snsEndpoint, senderId, originationNumber, value, maxPerPhonePerDay,
                maxPerKioskPerMinute, giveUpAfter, retryBase, retryMax, attemptTimeout, optOutCheckTtl, sender);
    }

    public SmsSettings withLimits(int perPhonePerDay, int perKioskPerMinute) {
        return new SmsSettings(mode, snsEndpoint, senderId, originationNumber, publicUrl, perPhonePerDay,
                perKioskPerMinute, giveUpAfter, retryBase, retryMax, attemptTimeout, optOutCheckTtl, sender);
    }

    public SmsSettings withRetries(Duration base, Duration max, Duration giveUp, Duration timeout) {
        return new SmsSettings(mode, snsEndpoint, senderId, originationNumber, publicUrl, maxPerPhonePerDay,
                maxPerKioskPerMinute, giveUp, base, max, timeout, optOutCheckTtl, sender);
    }

    /** The sender to use: the injected one, else SNS or the log as configured. */
    public SmsSender createSender() {
        if (sender != null) {
            return sender;
        }
        return mode == Mode.SNS ? SnsSmsSender.fromSettings(this) : new LogSmsSender();
    }

    private static URI uri(String flag, String value) {
        try {
            var uri = URI.create(value.strip());
            if (uri.getScheme() == null || uri.getHost() == null) {
                throw new IllegalArgumentException();
            }
            return uri;
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(flag + " must be a URL like https://host:port, not '" + value + "'");
        }
    }

    private static int number(String flag, String value) {
        try {
            int n = Integer.parseInt(value.strip());
            if (n < 0) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + flag + " must be a whole number of 0 or more, not '" + value + "'");
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
