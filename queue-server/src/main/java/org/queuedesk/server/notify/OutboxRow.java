package org.queuedesk.server.notify;

import java.time.Instant;
import org.queuedesk.common.notify.SmsMessageDto;
import org.queuedesk.server.ground.PhoneNumbers;

/**
 * One row of {@code sms_outbox}: about a ticket ({@code ticketId}) or an appointment ({@code appointmentId}), never
 * both, or a verification code for a patient's phone (neither, and no {@code serviceId}), which staff never see.
 * The phone number is in full here; {@link #toDto} masks it.
 */
public record OutboxRow(long id, Long ticketId, Long appointmentId, long siteId, Long serviceId, String kind,
                        Integer queuePosition,
                        String phone, String language, String body, String state, int attempts, Instant nextAttemptAt,
                        Instant createdAt, Instant updatedAt, String reason, String providerMessageId) {

    /** Staff follow a ticket's messages live; an appointment's are not on the ticket SMS stream. */
    public boolean aboutTicket() {
        return ticketId != null;
    }

    public SmsMessageDto toDto() {
        return new SmsMessageDto(id, ticketId == null ? 0 : ticketId, kind, state, PhoneNumbers.mask(phone), language, attempts, createdAt,
                updatedAt, reason, providerMessageId);
    }
}
