package org.queuedesk.desktop.doctor;

/** One patient waiting for this session, in call order, already in words. */
public record WaitingRow(long id, String number, String name, String service, String priority, String waited) {
}
