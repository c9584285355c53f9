package org.queuedesk.server.notify;

import java.time.Instant;
import org.queuedesk.common.notify.SmsMessageDto;
import org.queuedesk.server.ground.PhoneNumbers;

/**
 * One row of {@code sms_outbox}. The phone number is in full here; {@link #toDto} masks it. A verification
 * code ({@code ticketId} and {@code serviceId} null) belongs to no ticket and is never shown to staff.
 */
public record OutboxRow(long id, Long ticketId, long siteId, Long serviceId, String kind, Integer queuePosition,
                        String phone, String language, String body, String state, int attempts, Instant nextAttemptAt,
                        Instant createdAt, Instant updatedAt, String reason, String providerMessageId) {

    public SmsMessageDto toDto() {
        return new SmsMessageDto(id, ticketId, kind, state, PhoneNumbers.mask(phone), language, attempts, createdAt,
                updatedAt, reason, providerMessageId);
    }
}
