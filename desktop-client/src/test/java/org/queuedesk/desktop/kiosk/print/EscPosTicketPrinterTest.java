package org.queuedesk.desktop.kiosk.print;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.queuedesk.desktop.testing.CapturingEscPosPrinter;

class EscPosTicketPrinterTest {

    private static final byte[] RASTER_IMAGE = {0x1D, 0x76, 0x30};
    private static final byte[] QR_STORE = {0x1D, 0x28, 0x6B};
    private static final byte[] CUT = {0x1D, 0x56};

    @Test
    void anEnglishTicketIsPlainTextWithALargeNumberAQrCodeAndACut() throws Exception {
        byte[] bytes = EscPosTicketPrinter.render(new PrintedTicket("Riverside Clinic", "A-042", "General practice",
                "23/11/26 09:15", "3 people ahead of you", "Please wait until your number is called.",
                "http://clinic.example/t/abc", false));

        String text = new String(bytes, StandardCharsets.ISO_8859_1);
        assertThat(text).contains("Riverside Clinic", "A-042", "General practice", "3 people ahead of you");
        assertThat(CapturingEscPosPrinter.contains(bytes, QR_STORE)).as("QR code").isTrue();
        assertThat(text).contains("http://clinic.example/t/abc");
        assertThat(CapturingEscPosPrinter.contains(bytes, CUT)).as("cut").isTrue();
        assertThat(CapturingEscPosPrinter.contains(bytes, RASTER_IMAGE)).as("no images needed").isFalse();
    }

    @Test
    void arabicLinesArePrintedAsImagesNeverAsQuestionMarks() throws Exception {
        String service = "\u0637\u0628 \u0639\u0627\u0645";
        String ahead = "\u0634\u062e\u0635 \u0648\u0627\u062d\u062f \u0642\u0628\u0644\u0643";
        byte[] bytes = EscPosTicketPrinter.render(new PrintedTicket("Riverside Clinic", "A-042", service, "09:15",
                ahead, "\u064a\u0631\u062c\u0649 \u0627\u0644\u0627\u0646\u062a\u0638\u0627\u0631", null, true));

        String text = new String(bytes, StandardCharsets.ISO_8859_1);
        assertThat(text).contains("Riverside Clinic", "A-042");
        int images = 0;
        for (int i = 0; i + 3 <= bytes.length; i++) {
            if (bytes[i] == 0x1D && bytes[i + 1] == 0x76 && bytes[i + 2] == 0x30) {
                images++;
            }
        }
        assertThat(images).as("service, people ahead and footer as images").isEqualTo(3);
        assertThat(CapturingEscPosPrinter.contains(bytes, QR_STORE)).as("no link, no QR code").isFalse();
        // what the paper shows for those lines, to look at
        java.nio.file.Files.createDirectories(java.nio.file.Path.of("target", "screenshots"));
        javax.imageio.ImageIO.write(TextBitmaps.render(service + " \u00b7 " + ahead, EscPosTicketPrinter.PAPER_DOTS, 30,
                true, true), "png", java.nio.file.Path.of("target", "screenshots", "escpos-arabic-line.png").toFile());
        assertThat(CapturingEscPosPrinter.contains(bytes, CUT)).isTrue();
    }

    @Test
    void aPrinterThatDoesNotAnswerIsReportedOffline() throws Exception {
        int port;
        try (var socket = new java.net.ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        var printer = EscPosTicketPrinter.tcp("127.0.0.1", port, java.time.Duration.ofSeconds(1));
        var ticket = new PrintedTicket("S", "A-001", "GP", "09:00", "", "", null, false);

        PrinterProblem problem = org.junit.jupiter.api.Assertions.assertThrows(PrinterProblem.class,
                () -> printer.print(ticket));
        assertThat(problem.kind()).isEqualTo(PrinterProblem.Kind.OFFLINE);
    }
}
