package org.queuedesk.common.ticket;

/** Move a ticket to another service, keeping its number; with {@code returnAfter} it comes back afterwards. */
public record TransferRequest(Long toServiceId, Boolean returnAfter) {
}
