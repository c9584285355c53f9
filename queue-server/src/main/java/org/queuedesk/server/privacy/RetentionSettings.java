package org.queuedesk.server.privacy;

import java.time.Duration;
import java.time.Instant;

/**
 * How long personal data (patients' names and phone numbers, text messages) is kept:
 * {@code --retention-days}/{@code QUEUEDESK_RETENTION_DAYS}, 30 by default. A ticket's personal data
 * goes once the ticket was issued more than that many days ago, and with it every copy of it.
 *
 * <p>{@code eventDays} is how long the live stream's event log is kept: {@code --event-retention-days}/
 * {@code QUEUEDESK_EVENT_RETENTION_DAYS}, 30 by default. A client asking to catch up from an event pruned since
 * re-reads a snapshot; tickets and their history stay.
 */
public record RetentionSettings(int days, int eventDays) {

    public static final int DEFAULT_DAYS = 30;
    public static final int DEFAULT_EVENT_DAYS = 30;
    /** Ten years: anything longer is a typo, not a policy. */
    public static final int MAX_DAYS = 3650;

    public RetentionSettings {
        if (days < 1 || days > MAX_DAYS) {
            throw new IllegalArgumentException(problem("--retention-days (QUEUEDESK_RETENTION_DAYS)", Integer.toString(days)));
        }
        if (eventDays < 1 || eventDays > MAX_DAYS) {
            throw new IllegalArgumentException(problem("--event-retention-days (QUEUEDESK_EVENT_RETENTION_DAYS)",
                    Integer.toString(eventDays)));
        }
    }

    /** Personal data kept {@code days}; the event log the default time. */
    public RetentionSettings(int days) {
        this(days, DEFAULT_EVENT_DAYS);
    }

    public static RetentionSettings defaults() {
        return new RetentionSettings(DEFAULT_DAYS);
    }

    /** The flag's text; null or blank means the default. */
    public static RetentionSettings parse(String value) {
        return parse(value, null);
    }

    /** The two flags' texts; null or blank means the default. */
    public static RetentionSettings parse(String value, String eventValue) {
        return new RetentionSettings(days("--retention-days (QUEUEDESK_RETENTION_DAYS)", value, DEFAULT_DAYS),
                days("--event-retention-days (QUEUEDESK_EVENT_RETENTION_DAYS)", eventValue, DEFAULT_EVENT_DAYS));
    }

    private static int days(String flag, String value, int fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(problem(flag, value));
        }
    }

    /** Data of tickets issued before this moment is purged. */
    public Instant cutoff(Instant now) {
        return now.minus(Duration.ofDays(days));
    }

    /** How long events are kept in the log. */
    public Duration eventRetention() {
        return Duration.ofDays(eventDays);
    }

    private static String problem(String flag, String value) {
        return flag + " must be a whole number of days from 1 to " + MAX_DAYS + ", not '" + value + "'";
    }
}
