package org.queuedesk.common.notify;

import java.util.List;

/**
 * A ticket's text messages: where they go (masked), whether the number is opted out and why, the
 * patient's status page link, and every message with its delivery state, oldest first.
 */
public record TicketSmsDto(
        long ticketId,
        String phoneMasked,
        String language,
        boolean optedOut,
        String optOutReason,
        String statusUrl,
        List<SmsMessageDto> messages) {
}
