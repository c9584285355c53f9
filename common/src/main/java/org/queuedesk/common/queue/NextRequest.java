package org.queuedesk.common.queue;

/**
 * Optional body of Next. With {@code expectedCurrentTicketId} a stale Next (a second click after the
 * first already moved on) is refused instead of finishing a patient nobody has seen yet. 0 means "no current patient".
 */
public record NextRequest(Long expectedCurrentTicketId) {
}
