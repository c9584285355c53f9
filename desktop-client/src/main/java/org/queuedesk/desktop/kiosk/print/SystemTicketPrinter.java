package org.queuedesk.desktop.kiosk.print;

import javafx.geometry.NodeOrientation;
import javafx.geometry.Pos;
import javafx.print.Printer;
import javafx.print.PrinterJob;
import javafx.scene.layout.VBox;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.Text;

/**
 * The operating system's default printer through {@code javafx.print} (CUPS on Linux). The page is a small
 * node tree built off screen, so JavaFX shapes Arabic and mirrors it like the kiosk itself. Without a QR
 * encoder in the app, the status link is printed as text here; ESC/POS printers draw the QR code themselves.
 */
public final class SystemTicketPrinter implements TicketPrinter {

    @Override
    public void print(PrintedTicket ticket) throws PrinterProblem {
        Printer printer = Printer.getDefaultPrinter();
        if (printer == null) {
            throw new PrinterProblem(PrinterProblem.Kind.OFFLINE, "No printer is set up on this computer");
        }
        PrinterJob job = PrinterJob.createPrinterJob(printer);
        if (job == null) {
            throw new PrinterProblem(PrinterProblem.Kind.OFFLINE, "Cannot start a print job on " + printer.getName());
        }
        if (!job.printPage(page(ticket))) {
            job.cancelJob();
            throw new PrinterProblem(PrinterProblem.Kind.FAILED, "The printer refused the ticket: " + job.getJobStatus());
        }
        if (!job.endJob()) {
            throw new PrinterProblem(PrinterProblem.Kind.FAILED, "The print job did not finish: " + job.getJobStatus());
        }
    }

    static VBox page(PrintedTicket ticket) {
        VBox page = new VBox(6,
                text(ticket.site(), 11, FontWeight.NORMAL),
                text(ticket.number(), 48, FontWeight.BOLD),
                text(ticket.service(), 14, FontWeight.BOLD),
                text(ticket.time(), 11, FontWeight.NORMAL),
                text(ticket.peopleAhead(), 11, FontWeight.NORMAL));
        if (ticket.statusUrl() != null) {
            page.getChildren().add(text(ticket.statusUrl(), 8, FontWeight.NORMAL));
        }
        page.getChildren().add(text(ticket.footer(), 10, FontWeight.NORMAL));
        page.setAlignment(Pos.TOP_CENTER);
        page.setNodeOrientation(ticket.rightToLeft() ? NodeOrientation.RIGHT_TO_LEFT : NodeOrientation.LEFT_TO_RIGHT);
        return page;
    }

    private static Text text(String value, double size, FontWeight weight) {
        Text text = new Text(value == null ? "" : value);
        text.setFont(Font.font("System", weight, size));
        return text;
    }
}
