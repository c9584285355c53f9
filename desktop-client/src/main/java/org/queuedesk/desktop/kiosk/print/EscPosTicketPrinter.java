package org.queuedesk.desktop.kiosk.print;

import com.github.anastaciocintra.escpos.EscPos;
import com.github.anastaciocintra.escpos.EscPosConst.Justification;
import com.github.anastaciocintra.escpos.Style;
import com.github.anastaciocintra.escpos.barcode.QRCode;
import com.github.anastaciocintra.escpos.image.BitonalThreshold;
import com.github.anastaciocintra.escpos.image.CoffeeImageImpl;
import com.github.anastaciocintra.escpos.image.EscPosImage;
import com.github.anastaciocintra.escpos.image.RasterBitImageWrapper;
import java.io.ByteArrayOutputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.time.Duration;

/**
 * A receipt printer speaking ESC/POS, over TCP (port 9100, "raw"/JetDirect) or a device file such as
 * {@code /dev/usb/lp0}, through escpos-coffee. Lines the printer's code page (CP437) holds are sent as text;
 * anything else (Arabic) is rendered into a bitmap and sent as a raster image, never as "????". The QR code
 * uses the printer's own QR command. Over TCP it first asks the printer for its paper sensor (DLE EOT 4) and
 * refuses to print onto an empty roll; a printer that does not answer that question prints anyway.
 */
public final class EscPosTicketPrinter implements TicketPrinter {

    /** 80 mm paper at 203 dpi; 58 mm printers use 384. */
    public static final int PAPER_DOTS = 576;
    private static final Charset CODE_PAGE = Charset.forName("IBM437");
    private static final byte[] PAPER_STATUS = {0x10, 0x04, 0x04};
    private static final int PAPER_END = 0x60;

    private final String host;
    private final int port;
    private final Path deviceFile;
    private final Duration timeout;

    private EscPosTicketPrinter(String host, int port, Path deviceFile, Duration timeout) {
        this.host = host;
        this.port = port;
        this.deviceFile = deviceFile;
        this.timeout = timeout;
    }

    public static EscPosTicketPrinter tcp(String host, int port, Duration timeout) {
        return new EscPosTicketPrinter(host, port, null, timeout);
    }

    public static EscPosTicketPrinter deviceFile(Path file) {
        return new EscPosTicketPrinter(null, 0, file, Duration.ZERO);
    }

    @Override
    public void print(PrintedTicket ticket) throws PrinterProblem {
        byte[] receipt;
        try {
            receipt = render(ticket);
        } catch (IOException e) {
            throw new PrinterProblem(PrinterProblem.Kind.FAILED, "Cannot lay out the ticket", e);
        }
        if (deviceFile != null) {
            try (OutputStream out = new FileOutputStream(deviceFile.toFile(), true)) {
                out.write(receipt);
            } catch (IOException e) {
                throw new PrinterProblem(PrinterProblem.Kind.OFFLINE, "Cannot write to " + deviceFile, e);
            }
            return;
        }
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), (int) timeout.toMillis());
            socket.setSoTimeout((int) timeout.toMillis());
            OutputStream out = socket.getOutputStream();
            if (paperOut(out, socket.getInputStream())) {
                throw new PrinterProblem(PrinterProblem.Kind.PAPER_OUT, "The printer is out of paper");
            }
            out.write(receipt);
            out.flush();
        } catch (IOException e) {
            throw new PrinterProblem(PrinterProblem.Kind.OFFLINE, "No answer from the printer at " + host + ":" + port, e);
        }
    }

    private static boolean paperOut(OutputStream out, InputStream in) throws IOException {
        out.write(PAPER_STATUS);
        out.flush();
        try {
            int status = in.read();
            return status >= 0 && (status & PAPER_END) != 0;
        } catch (SocketTimeoutException silent) {
            return false; // many printers do not answer status requests over the network
        }
    }

    /** The receipt's bytes: site, large number, service, time, people ahead, QR code, cut. */
    static byte[] render(PrintedTicket ticket) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (EscPos escpos = new EscPos(bytes)) {
            escpos.initializePrinter();
            escpos.setCharacterCodeTable(EscPos.CharacterCodeTable.CP437_USA_Standard_Europe);
            escpos.setCharsetName(CODE_PAGE.name());
            Style centred = new Style().setJustification(Justification.Center);
            Style big = new Style(centred).setBold(true).setFontSize(Style.FontSize._4, Style.FontSize._4);
            Style bold = new Style(centred).setBold(true);
            line(escpos, ticket.site(), centred, 26, false, ticket.rightToLeft());
            escpos.feed(1);
            line(escpos, ticket.number(), big, 96, true, false);
            escpos.feed(1);
            line(escpos, ticket.service(), bold, 30, true, ticket.rightToLeft());
            line(escpos, ticket.time(), centred, 26, false, ticket.rightToLeft());
            line(escpos, ticket.peopleAhead(), centred, 26, false, ticket.rightToLeft());
            if (ticket.statusUrl() != null && !ticket.statusUrl().isBlank()) {
                escpos.feed(1);
                escpos.write(new QRCode().setSize(6).setJustification(Justification.Center), ticket.statusUrl());
            }
            escpos.feed(1);
            line(escpos, ticket.footer(), centred, 24, false, ticket.rightToLeft());
            escpos.feed(5);
            escpos.cut(EscPos.CutMode.FULL);
        }
        return bytes.toByteArray();
    }

    private static void line(EscPos escpos, String text, Style style, float imageSizePx, boolean bold,
                             boolean rightToLeft) throws IOException {
        if (text == null || text.isBlank()) {
            return;
        }
        if (CODE_PAGE.newEncoder().canEncode(text)) {
            escpos.writeLF(style, text);
            return;
        }
        var bitmap = TextBitmaps.render(text, PAPER_DOTS, imageSizePx, bold, rightToLeft);
        escpos.write(new RasterBitImageWrapper().setJustification(Justification.Center),
                new EscPosImage(new CoffeeImageImpl(bitmap), new BitonalThreshold()));
    }
}
