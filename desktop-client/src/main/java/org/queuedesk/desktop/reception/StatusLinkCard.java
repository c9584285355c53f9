package org.queuedesk.desktop.reception;

/** A patient's status link, ready to show as a QR code or print: whose ticket, the link and until when it works. */
public record StatusLinkCard(long ticketId, String number, String url, String validUntil) {
}
