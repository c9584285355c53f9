package org.queuedesk.desktop.reception;

import javafx.geometry.Pos;
import javafx.print.Printer;
import javafx.print.PrinterJob;
import javafx.scene.image.ImageView;
import javafx.scene.layout.VBox;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.Text;

/**
 * The desk computer's default printer through {@code javafx.print}: a small page built off screen, so it may
 * print from the background seam like the kiosk's receipts.
 */
final class SystemStatusSlipPrinter implements StatusSlipPrinter {

    @Override
    public void print(StatusLinkCard card) throws Exception {
        Printer printer = Printer.getDefaultPrinter();
        if (printer == null) {
            throw new IllegalStateException("No printer is set up on this computer");
        }
        PrinterJob job = PrinterJob.createPrinterJob(printer);
        if (job == null) {
            throw new IllegalStateException("Cannot start a print job on " + printer.getName());
        }
        if (!job.printPage(page(card))) {
            job.cancelJob();
            throw new IllegalStateException("The printer refused the page: " + job.getJobStatus());
        }
        if (!job.endJob()) {
            throw new IllegalStateException("The print job did not finish: " + job.getJobStatus());
        }
    }

    static VBox page(StatusLinkCard card) {
        Text number = new Text(card.number());
        number.setFont(Font.font("System", FontWeight.BOLD, 36));
        ImageView qr = new ImageView(QrCodeImage.of(card.url(), 4));
        Text url = new Text(card.url());
        url.setFont(Font.font("Monospaced", 8));
        url.setWrappingWidth(200);
        VBox page = new VBox(6, number, qr, url);
        page.setAlignment(Pos.CENTER);
        return page;
    }
}
