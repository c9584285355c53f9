package org.queuedesk.desktop.kiosk.print;

/**
 * What goes on the paper, already in the patient's language. {@code statusUrl} (the patient's status page,
 * printed as a QR code) is null when the server gave none.
 */
public record PrintedTicket(String site, String number, String service, String time, String peopleAhead,
                            String footer, String statusUrl, boolean rightToLeft) {
}
