package org.queuedesk.desktop.kiosk;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.beans.property.SimpleBooleanProperty;
import org.junit.jupiter.api.Test;
import org.queuedesk.common.auth.PrinterStatusRequest;
import org.queuedesk.common.site.ServiceDto;
import org.queuedesk.common.site.SiteDto;
import org.queuedesk.common.ticket.Priority;
import org.queuedesk.common.ticket.TicketDto;
import org.queuedesk.common.ticket.TicketSource;
import org.queuedesk.common.ticket.TicketState;
import org.queuedesk.desktop.ground.CurrentThreadExecutor;
import org.queuedesk.desktop.ground.Theme;
import org.queuedesk.desktop.kiosk.KioskFlow.Step;
import org.queuedesk.desktop.kiosk.print.PrinterProblem;

/** After each print attempt the kiosk tells the server how its printer did, so reception sees the trouble. */
class KioskPrinterReportTest {

    private static final ServiceDto GP = new ServiceDto(1, 1, "General practice", "A", 3, true);

    private final ReportingBackend backend = new ReportingBackend();
    private final KioskViewModelTest.FakePrinter printer = new KioskViewModelTest.FakePrinter();
    private final KioskViewModel kiosk = new KioskViewModel(new CurrentThreadExecutor(), backend, printer,
            new KioskViewModelTest.ManualTimers(), KioskSettings.defaults("2468")
                    .withTimes(Duration.ofSeconds(45), Duration.ofSeconds(10)),
            Theme::messages, Clock.fixed(Instant.parse("2026-11-23T09:15:00Z"), ZoneOffset.UTC),
            new SimpleBooleanProperty(false), () -> { });

    @Test
    void eachPrintAttemptReportsThePrinterState() {
        startPrinting(new PrinterProblem(PrinterProblem.Kind.PAPER_OUT, "paper end sensor"));
        assertThat(backend.reports).containsExactly(new PrinterStatusRequest("paper_out", "paper end sensor"));

        printer.failWith = new PrinterProblem(PrinterProblem.Kind.OFFLINE, "no answer from tcp://10.0.0.9:9100");
        kiosk.printing().retry();
        printer.failWith = null;
        kiosk.printing().retry();

        assertThat(backend.reports).extracting(PrinterStatusRequest::state)
                .containsExactly("paper_out", "offline", "ok");
        assertThat(printer.printed).hasSize(1);
    }

    @Test
    void aReportThatFailsNeverReachesThePatient() {
        backend.reportFailure = new IOException("server gone");
        startPrinting(new PrinterProblem(PrinterProblem.Kind.PAPER_OUT, "empty"));

        assertThat(kiosk.printing().problemProperty().get()).isEqualTo("The printer is out of paper.");
        assertThat(kiosk.printing().canRetryProperty().get()).isTrue();
        assertThat(kiosk.flow().errorProperty().get()).isEmpty();

        printer.failWith = null;
        kiosk.printing().retry();

        assertThat(kiosk.flow().getStep()).isEqualTo(Step.DONE);
        assertThat(kiosk.printing().problemProperty().get()).isEmpty();
        assertThat(kiosk.flow().issued().deliveryProperty().get()).isEqualTo(kiosk.texts().text("kiosk.done.printed"));
        assertThat(kiosk.flow().errorProperty().get()).isEmpty();
        assertThat(backend.reports).hasSize(2);
    }

    private void startPrinting(PrinterProblem problem) {
        kiosk.load();
        kiosk.flow().chooseLanguage(Locale.ENGLISH);
        kiosk.flow().chooseService(GP);
        printer.failWith = problem;
        kiosk.flow().choosePrint();
        assertThat(kiosk.flow().getStep()).isEqualTo(Step.DONE);
    }

    private static final class ReportingBackend implements KioskBackend {
        final List<PrinterStatusRequest> reports = new ArrayList<>();
        Exception reportFailure;

        @Override
        public Setup load() {
            return new Setup(new SiteDto(1, "Riverside Clinic", "Europe/Madrid"), List.of(GP));
        }

        @Override
        public Issued issue(long serviceId, String phone, String language, String idempotencyKey) {
            var ticket = new TicketDto(1, 1, serviceId, "A-001", LocalDate.of(2026, 11, 23), TicketState.WAITING,
                    Priority.NORMAL, TicketSource.KIOSK, null, phone, null, null, null, null,
                    Instant.parse("2026-11-23T09:15:00Z"), null, null, null, 0);
            return new Issued(ticket, 0, 1, 5, null);
        }

        @Override
        public void reportPrinter(PrinterStatusRequest status) throws Exception {
            reports.add(status);
            if (reportFailure != null) {
                throw reportFailure;
            }
        }
    }
}
