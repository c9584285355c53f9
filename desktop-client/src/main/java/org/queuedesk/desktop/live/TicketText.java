package org.queuedesk.desktop.live;

import java.text.MessageFormat;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ResourceBundle;
import org.queuedesk.common.ticket.Priority;
import org.queuedesk.common.ticket.TicketState;

/** Words for tickets, from the bundle: priority and state names, and waiting times people can read. */
public final class TicketText {

    private final ResourceBundle messages;
    private final Clock clock;

    public TicketText(ResourceBundle messages, Clock clock) {
        this.messages = messages;
        this.clock = clock;
    }

    public String priority(Priority priority) {
        return priority == null ? "" : messages.getString("priority." + priority.wireName());
    }

    public String state(TicketState state) {
        return state == null ? "" : messages.getString("state." + state.wireName());
    }

    /** Time since {@code from}, e.g. "12 min"; empty when unknown. */
    public String waitedSince(Instant from) {
        return from == null ? "" : duration(Duration.between(from, clock.instant()));
    }

    /** Time between two instants, e.g. "12 min". */
    public String duration(Instant from, Instant to) {
        return from == null || to == null ? "" : duration(Duration.between(from, to));
    }

    public String duration(Duration duration) {
        long minutes = Math.max(0, duration.toMinutes());
        if (minutes < 1) {
            return messages.getString("time.underMinute");
        }
        if (minutes < 60) {
            return format("time.minutes", minutes);
        }
        return format("time.hours", minutes / 60, minutes % 60);
    }

    public String format(String key, Object... arguments) {
        return new MessageFormat(messages.getString(key), messages.getLocale()).format(arguments);
    }

    /** What to show by an action that failed: the server's own words, or why there were none. */
    public String failure(Throwable error) {
        if (error instanceof org.queuedesk.desktop.api.ApiException api) {
            return api.detail();
        }
        if (error instanceof java.io.IOException) {
            return format("action.error.unanswered");
        }
        return format("action.error.unexpected", String.valueOf(error.getMessage()));
    }

    /** Optional form text: trimmed, or null when empty. */
    public static String optional(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** The language of the words, for dates and numbers. */
    public java.util.Locale locale() {
        var locale = messages.getLocale();
        return locale == null || locale.getLanguage().isEmpty() ? java.util.Locale.ENGLISH : locale; // the base bundle is English
    }

    public Clock clock() {
        return clock;
    }
}
