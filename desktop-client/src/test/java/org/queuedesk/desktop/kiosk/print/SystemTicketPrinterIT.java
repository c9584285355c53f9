package org.queuedesk.desktop.kiosk.print;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.embed.swing.SwingFXUtils;
import javafx.geometry.NodeOrientation;
import javafx.print.Printer;
import javafx.scene.Scene;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The system printer's page, laid out by JavaFX (saved as a picture to look at), and what the kiosk hears
 * when the computer has no printer. A real CUPS queue is not part of the build.
 */
@ExtendWith(ApplicationExtension.class)
class SystemTicketPrinterIT {

    private static final PrintedTicket ARABIC = new PrintedTicket("Riverside Clinic", "A-042",
            "\u0637\u0628 \u0639\u0627\u0645", "23/11/2026 09:15", "\u0634\u062e\u0635 \u0648\u0627\u062d\u062f \u0642\u0628\u0644\u0643",
            "\u064a\u0631\u062c\u0649 \u0627\u0644\u0627\u0646\u062a\u0638\u0627\u0631 \u062d\u062a\u0649 \u064a\u064f\u0646\u0627\u062f\u0649 \u0631\u0642\u0645\u0643.",
            "http://clinic.example/t/abc", true);

    @Start
    void start(Stage stage) {
        stage.setScene(new Scene(new StackPane(), 400, 400));
        stage.show();
    }

    @Test
    void theArabicPageRunsRightToLeftWithTheNumberLarge() throws Exception {
        WritableImage image = WaitForAsyncUtils.asyncFx(() -> {
            var page = SystemTicketPrinter.page(ARABIC);
            page.setStyle("-fx-background-color: white; -fx-padding: 16;");
            new Scene(page);
            assertThat(page.getEffectiveNodeOrientation()).isEqualTo(NodeOrientation.RIGHT_TO_LEFT);
            return page.snapshot(null, null);
        }).get(10, TimeUnit.SECONDS);
        Path dir = Path.of("target", "screenshots");
        Files.createDirectories(dir);
        assertThat(ImageIO.write(SwingFXUtils.fromFXImage(image, null), "png",
                dir.resolve("kiosk-system-ticket-ar.png").toFile())).isTrue();
    }

    @Test
    void withoutAPrinterTheKioskIsToldThePrinterIsOffline() throws Exception {
        Assumptions.assumeTrue(WaitForAsyncUtils.asyncFx(Printer::getDefaultPrinter).get(10, TimeUnit.SECONDS) == null,
                "this computer has a printer");
        PrinterProblem problem = org.junit.jupiter.api.Assertions.assertThrows(PrinterProblem.class,
                () -> new SystemTicketPrinter().print(ARABIC));
        assertThat(problem.kind()).isEqualTo(PrinterProblem.Kind.OFFLINE);
    }
}
