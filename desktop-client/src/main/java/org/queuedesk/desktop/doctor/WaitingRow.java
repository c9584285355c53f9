package org.queuedesk.desktop.doctor;

/**
 * One patient waiting for this session, in call order, already in words. {@code lateCheckIn}: a ticket from an
 * appointment checked in late, which waits by its arrival like a walk-in.
 */
public record WaitingRow(long id, String number, String name, String service, String priority, String waited,
                         boolean lateCheckIn) {
}
