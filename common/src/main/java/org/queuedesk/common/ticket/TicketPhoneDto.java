package org.queuedesk.common.ticket;

/** A ticket's full phone number, for reception to confirm it with the patient (an audited read). */
public record TicketPhoneDto(long ticketId, String number, String phone) {
}
