package org.queuedesk.common.ticket;

/**
 * Issue a ticket. Only {@code serviceId} is required; priority defaults to normal, source to reception.
 * {@code language} (e.g. {@code es}) is the patient's language for text messages and the status page;
 * without it the site's default is used.
 */
public record IssueTicketRequest(
        Long serviceId,
        Priority priority,
        TicketSource source,
        String patientName,
        String phone,
        String assignedDoctor,
        String language) {

    public IssueTicketRequest(Long serviceId, Priority priority, TicketSource source, String patientName, String phone,
                              String assignedDoctor) {
        this(serviceId, priority, source, patientName, phone, assignedDoctor, null);
    }
}
