package org.queuedesk.desktop.reception;

/** Prints a patient's status slip (number, QR code of the status link, the link). Blocking: background seam only. */
@FunctionalInterface
public interface StatusSlipPrinter {

    void print(StatusLinkCard card) throws Exception;
}
