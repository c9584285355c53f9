package org.queuedesk.common.notify;

import java.time.Instant;

/**
 * One text message of a ticket as staff see it. {@code state} is {@code queued}, {@code sent},
 * {@code logged} (the log-only sender), {@code failed} or {@code opted_out}; {@code reason} says why a
 * message failed or was not sent. The phone number is always masked ({@code +34******456}).
 */
public record SmsMessageDto(
        long id,
        long ticketId,
        String kind,
        String state,
        String phoneMasked,
        String language,
        int attempts,
        Instant createdAt,
        Instant updatedAt,
        String reason,
        String providerMessageId) {
}
