package org.queuedesk.common.ticket;

/** Issue a ticket. Only {@code serviceId} is required; priority defaults to normal, source to reception. */
public record IssueTicketRequest(
        Long serviceId,
        Priority priority,
        TicketSource source,
        String patientName,
        String phone,
        String assignedDoctor) {
}
