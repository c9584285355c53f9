package org.queuedesk.server.privacy;

import java.time.Duration;
import java.time.Instant;

/**
 * How long personal data (patients' names and phone numbers, text messages) is kept:
 * {@code --retention-days}/{@code QUEUEDESK_RETENTION_DAYS}, 30 by default. A ticket's personal data
 * goes once the ticket was issued more than that many days ago, and with it every copy of it.
 */
public record RetentionSettings(int days) {

    public static final int DEFAULT_DAYS = 30;
    /** Ten years: anything longer is a typo, not a policy. */
    public static final int MAX_DAYS = 3650;

    public RetentionSettings {
        if (days < 1 || days > MAX_DAYS) {
            throw new IllegalArgumentException(problem(Integer.toString(days)));
        }
    }

    public static RetentionSettings defaults() {
        return new RetentionSettings(DEFAULT_DAYS);
    }

    /** The flag's text; null or blank means the default. */
    public static RetentionSettings parse(String value) {
        if (value == null || value.isBlank()) {
            return defaults();
        }
        int days;
        try {
            days = Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(problem(value));
        }
        return new RetentionSettings(days);
    }

    /** Data of tickets issued before this moment is purged. */
    public Instant cutoff(Instant now) {
        return now.minus(Duration.ofDays(days));
    }

    private static String problem(String value) {
        return "--retention-days (QUEUEDESK_RETENTION_DAYS) must be a whole number of days from 1 to " + MAX_DAYS
                + ", not '" + value + "'";
    }
}
