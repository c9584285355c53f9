package org.queuedesk.desktop.kiosk;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.beans.property.SimpleBooleanProperty;
import org.junit.jupiter.api.Test;
import org.queuedesk.common.auth.PrinterStatusRequest;
import org.queuedesk.common.site.ServiceDto;
import org.queuedesk.desktop.ground.CurrentThreadExecutor;
import org.queuedesk.desktop.ground.Theme;
import org.queuedesk.desktop.kiosk.KioskFlow.Step;
import org.queuedesk.desktop.kiosk.print.PrinterProblem;
import org.queuedesk.desktop.kiosk.print.TicketPrinter;
import org.queuedesk.desktop.kiosk.print.TicketPrinters;

/**
 * A patient with neither a printed ticket nor a mobile phone gets the number shown big on screen,
 * long enough to write it down: when the kiosk has no printer, and when printing fails.
 */
class KioskNumberOnScreenTest {

    private static final ServiceDto GP = new ServiceDto(1, 1, "General practice", "A", 3, true);
    /** The README's kiosk times: a confirmation stays 10 s, an untouched screen starts over after 45 s. */
    private static final Duration CONFIRMATION = Duration.ofSeconds(10);
    private static final Duration IDLE = Duration.ofSeconds(45);
    /** Time to find a pen and write "A-001" down: half a minute at the very least. */
    private static final Duration LONG_ENOUGH_TO_WRITE_DOWN = Duration.ofSeconds(30);

    private final KioskViewModelTest.ManualTimers timers = new KioskViewModelTest.ManualTimers();
    private final KioskViewModelTest.FakeBackend issued = new KioskViewModelTest.FakeBackend();
    private final List<PrinterStatusRequest> reports = new ArrayList<>();
    private final KioskBackend backend = new KioskBackend() {
        @Override
        public Setup load() throws Exception {
            return issued.load();
        }

        @Override
        public Issued issue(long serviceId, String phone, String language, String key) throws Exception {
            return issued.issue(serviceId, phone, language, key);
        }

        @Override
        public void reportPrinter(PrinterStatusRequest status) {
            reports.add(status);
        }
    };

    private KioskViewModel kiosk(TicketPrinter printer) {
        return new KioskViewModel(new CurrentThreadExecutor(), backend, printer, timers,
                KioskSettings.defaults("2468").withTimes(IDLE, CONFIRMATION), Theme::messages,
                Clock.fixed(Instant.parse("2026-11-23T09:15:00Z"), ZoneOffset.UTC), new SimpleBooleanProperty(false),
                () -> { });
    }

    @Test
    void withoutAPrinterTheNumberIsShownOnScreenLongerThanAConfirmationAndIdleDoesNotCutItShort() {
        KioskViewModel kiosk = kiosk(TicketPrinters.none());
        assertThat(kiosk.printing().available()).isFalse();
        kiosk.load();
        kiosk.flow().chooseLanguage(Locale.ENGLISH);
        kiosk.flow().chooseService(GP);

        kiosk.flow().chooseScreen();

        assertThat(kiosk.flow().getStep()).isEqualTo(Step.NUMBER);
        assertThat(kiosk.flow().issued().ticketProperty().get().ticket().number()).isEqualTo("A-001");
        assertThat(kiosk.flow().issued().serviceNameProperty().get()).isEqualTo("General practice");
        assertThat(issued.phones).as("a plain ticket, no phone").containsExactly((String) null);
        Duration shown = timers.pending().stream().filter(delay -> !delay.equals(IDLE)).findFirst().orElseThrow();
        assertThat(shown).isGreaterThanOrEqualTo(LONG_ENOUGH_TO_WRITE_DOWN).isGreaterThan(CONFIRMATION);

        timers.fire(IDLE);
        assertThat(kiosk.flow().getStep()).as("the idle timeout leaves a number on screen alone").isEqualTo(Step.NUMBER);
        timers.fire(CONFIRMATION);
        assertThat(kiosk.flow().getStep()).isEqualTo(Step.NUMBER);

        timers.fire(shown);
        assertThat(kiosk.flow().getStep()).isEqualTo(Step.LANGUAGE);
        assertThat(kiosk.flow().issued().ticketProperty().get()).isNull();
        assertThat(reports).as("no printer, nothing to report").isEmpty();
    }

    @Test
    void afterAPrinterProblemTheSameNumberIsShownOnScreenAndTheProblemIsStillReported() {
        KioskViewModelTest.FakePrinter printer = new KioskViewModelTest.FakePrinter();
        KioskViewModel kiosk = kiosk(printer);
        kiosk.load();
        kiosk.flow().chooseLanguage(Locale.forLanguageTag("es"));
        kiosk.flow().chooseService(GP);
        printer.failWith = new PrinterProblem(PrinterProblem.Kind.PAPER_OUT, "paper end sensor");
        kiosk.flow().choosePrint();
        assertThat(kiosk.flow().getStep()).isEqualTo(Step.DONE);
        assertThat(kiosk.printing().problemProperty().get()).isNotEmpty();

        kiosk.flow().showNumberOnScreen();

        assertThat(kiosk.flow().getStep()).isEqualTo(Step.NUMBER);
        assertThat(kiosk.flow().issued().ticketProperty().get().ticket().number()).isEqualTo("A-001");
        assertThat(issued.issued).as("never a second ticket").hasSize(1);
        assertThat(reports).containsExactly(new PrinterStatusRequest("paper_out", "paper end sensor"));
        assertThat(timers.pending()).anyMatch(delay -> delay.compareTo(LONG_ENOUGH_TO_WRITE_DOWN) >= 0);

        kiosk.flow().back();
        assertThat(kiosk.flow().getStep()).isEqualTo(Step.LANGUAGE);
    }
}
