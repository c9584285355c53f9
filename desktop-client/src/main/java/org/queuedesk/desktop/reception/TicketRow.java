package org.queuedesk.desktop.reception;

/** One line of the reception's ticket table, already in words. {@code sms} is filled by the SMS feature. */
public record TicketRow(long id, String number, String service, String name, String priority, String state,
                       String waited, String sms) {
}
