package org.queuedesk.desktop.kiosk.print;

/**
 * Prints an issued ticket. Blocking: call it through the background seam only. Printing never issues a
 * ticket, so printing the same ticket again after a failure is always safe.
 */
public interface TicketPrinter {

    void print(PrintedTicket ticket) throws PrinterProblem;

    /** A kiosk without a printer offers only "Text me my number". */
    default boolean available() {
        return true;
    }
}
