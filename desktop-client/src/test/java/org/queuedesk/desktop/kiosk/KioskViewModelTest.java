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
import org.queuedesk.common.json.Problem;
import org.queuedesk.common.site.ServiceDto;
import org.queuedesk.common.site.SiteDto;
import org.queuedesk.common.ticket.Priority;
import org.queuedesk.common.ticket.TicketDto;
import org.queuedesk.common.ticket.TicketSource;
import org.queuedesk.common.ticket.TicketState;
import org.queuedesk.desktop.api.ApiException;
import org.queuedesk.desktop.ground.CurrentThreadExecutor;
import org.queuedesk.desktop.ground.Theme;
import org.queuedesk.desktop.kiosk.KioskFlow.Step;
import org.queuedesk.desktop.kiosk.print.PrintedTicket;
import org.queuedesk.desktop.kiosk.print.PrinterProblem;
import org.queuedesk.desktop.kiosk.print.TicketPrinter;

/** The kiosk's flow without a toolkit: time is a list of timers the test fires, the server a fake. */
class KioskViewModelTest {

    private static final ServiceDto GP = new ServiceDto(1, 1, "General practice", "A", 3, true);
    private static final Locale SPANISH = Locale.forLanguageTag("es");
    private static final Locale ARABIC = Locale.forLanguageTag("ar");

    private final ManualTimers timers = new ManualTimers();
    private final FakeBackend backend = new FakeBackend();
    private final FakePrinter printer = new FakePrinter();
    private final SimpleBooleanProperty outage = new SimpleBooleanProperty(false);
    private final List<String> exits = new ArrayList<>();
    private final Clock clock = Clock.fixed(Instant.parse("2026-11-23T09:15:00Z"), ZoneOffset.UTC);
    private final KioskSettings settings = KioskSettings.defaults("2468")
            .withTimes(Duration.ofSeconds(45), Duration.ofSeconds(10));
    private final KioskViewModel kiosk = new KioskViewModel(new CurrentThreadExecutor(), backend, printer, timers,
            settings, Theme::messages, clock, outage, () -> exits.add("exit"));

    @Test
    void everyScreenStartsOverAfterTheIdleTimeoutAndEachTouchRestartsIt() {
        kiosk.load();
        kiosk.flow().chooseLanguage(SPANISH);
        assertThat(kiosk.flow().getStep()).isEqualTo(Step.SERVICE);
        kiosk.flow().chooseService(GP);
        kiosk.flow().chooseText();
        kiosk.flow().keypad().key('6');
        assertThat(timers.pending()).containsExactly(Duration.ofSeconds(45));

        timers.fireAll();

        assertThat(kiosk.flow().getStep()).isEqualTo(Step.LANGUAGE);
        assertThat(kiosk.texts().languageProperty().get()).isEqualTo(Locale.ENGLISH);
        assertThat(kiosk.flow().keypad().phoneProperty().get()).isEmpty();
        assertThat(timers.pending()).isEmpty();
    }

    @Test
    void theArabicScreensRunRightToLeft() {
        kiosk.flow().chooseLanguage(ARABIC);

        assertThat(kiosk.texts().isRightToLeft()).isTrue();
        assertThat(kiosk.texts().text("kiosk.back")).isEqualTo("\u0631\u062c\u0648\u0639");
    }

    @Test
    void aPrintedTicketShowsWhatThePatientNeedsThenStartsOver() {
        kiosk.load();
        kiosk.flow().chooseLanguage(Locale.ENGLISH);
        kiosk.flow().chooseService(GP);
        kiosk.flow().choosePrint();

        assertThat(kiosk.flow().getStep()).isEqualTo(Step.DONE);
        assertThat(kiosk.flow().issued().ticketProperty().get().ticket().number()).isEqualTo("A-001");
        assertThat(kiosk.flow().issued().peopleAheadProperty().get()).isEqualTo("2 people ahead of you");
        assertThat(kiosk.flow().issued().estimatedWaitProperty().get()).isEqualTo("Estimated wait: 5\u201312 min");
        assertThat(kiosk.flow().issued().deliveryProperty().get()).isEqualTo("Please take your ticket.");
        PrintedTicket paper = printer.printed.get(0);
        assertThat(paper.number()).isEqualTo("A-001");
        assertThat(paper.site()).isEqualTo("Riverside Clinic");
        assertThat(paper.statusUrl()).isEqualTo("http://clinic/t/tok");

        timers.fire(settings.confirmationTime());
        assertThat(kiosk.flow().getStep()).isEqualTo(Step.LANGUAGE);
        assertThat(kiosk.flow().issued().ticketProperty().get()).isNull();
    }

    @Test
    void printingAgainAfterAPrinterProblemNeverIssuesAnotherTicket() {
        kiosk.load();
        kiosk.flow().chooseLanguage(Locale.ENGLISH);
        kiosk.flow().chooseService(GP);
        printer.failWith = new PrinterProblem(PrinterProblem.Kind.PAPER_OUT, "empty");
        kiosk.flow().choosePrint();
        assertThat(kiosk.printing().problemProperty().get()).isEqualTo("The printer is out of paper.");
        assertThat(kiosk.printing().canRetryProperty().get()).isTrue();

        printer.failWith = null;
        kiosk.printing().retry();

        assertThat(kiosk.printing().problemProperty().get()).isEmpty();
        assertThat(printer.printed).hasSize(1);
        assertThat(backend.issued).hasSize(1);
    }

    @Test
    void anUnansweredIssueIsRetriedWithTheSameKeyAndARefusalShowsTheServersReason() {
        kiosk.load();
        kiosk.flow().chooseLanguage(Locale.ENGLISH);
        kiosk.flow().chooseService(GP);
        kiosk.flow().chooseText();
        "+1".chars().forEach(c -> kiosk.flow().keypad().key((char) c));
        backend.failWith = new IOException("connection reset");
        kiosk.flow().sendPhone();
        assertThat(kiosk.flow().errorProperty().get()).startsWith("We could not reach the queue");
        backend.failWith = new ApiException(400, new Problem(null, "Invalid request", 400,
                "phone: is not a valid phone number.", null, java.util.Map.of("phone", "is not a valid phone number."), null));
        kiosk.flow().sendPhone();
        assertThat(kiosk.flow().errorProperty().get()).as("the patient's words, not the server's")
                .startsWith("That number does not look right.");
        backend.failWith = new ApiException(429, new Problem(null, "Too many requests", 429,
                "This phone number already has 3 tickets with text messages today; …", null, null, null));
        kiosk.flow().sendPhone();
        assertThat(kiosk.flow().errorProperty().get()).startsWith("We cannot send a text message for this ticket just now.");
        backend.failWith = null;
        kiosk.flow().sendPhone();

        assertThat(backend.keys.get(0)).isEqualTo(backend.keys.get(1));
        assertThat(backend.keys.get(2)).isNotEqualTo(backend.keys.get(1));
        assertThat(backend.keys.get(3)).isNotEqualTo(backend.keys.get(2));
        assertThat(kiosk.flow().getStep()).isEqualTo(Step.DONE);
        assertThat(backend.phones).containsOnly("+1");
        assertThat(printer.printed).isEmpty();
    }

    @Test
    void fiveTapsOnTheStaffCornerAskForThePinAndOnlyTheRightPinLeaves() {
        for (int i = 0; i < 4; i++) {
            kiosk.pinLock().cornerTapped();
        }
        assertThat(kiosk.pinLock().openProperty().get()).isFalse();
        kiosk.pinLock().cornerTapped();
        assertThat(kiosk.pinLock().openProperty().get()).isTrue();

        "1111".chars().forEach(c -> kiosk.pinLock().key((char) c));
        kiosk.pinLock().submit();
        assertThat(kiosk.pinLock().errorProperty().get()).isEqualTo("Wrong PIN");
        assertThat(exits).isEmpty();

        "2468".chars().forEach(c -> kiosk.pinLock().key((char) c));
        kiosk.pinLock().submit();
        assertThat(exits).containsExactly("exit");
    }

    @Test
    void aServerThatComesBackLoadsTheServicesItCouldNotReadBefore() {
        outage.set(true);
        backend.failWith = new IOException("down");
        kiosk.load();
        assertThat(kiosk.flow().loadedProperty().get()).isFalse();

        backend.failWith = null;
        outage.set(false);

        assertThat(kiosk.flow().loadedProperty().get()).isTrue();
        assertThat(kiosk.flow().services()).containsExactly(GP);
    }

    // --- fakes ------------------------------------------------------------------------------------------

    static final class ManualTimers implements KioskTimers {
        private record Timer(Duration delay, Runnable action, boolean[] cancelled) {
        }

        private final List<Timer> timers = new ArrayList<>();

        @Override
        public Runnable after(Duration delay, Runnable action) {
            boolean[] cancelled = {false};
            timers.add(new Timer(delay, action, cancelled));
            return () -> cancelled[0] = true;
        }

        List<Duration> pending() {
            return timers.stream().filter(t -> !t.cancelled()[0]).map(Timer::delay).toList();
        }

        void fireAll() {
            for (Timer timer : List.copyOf(timers)) {
                if (!timer.cancelled()[0]) {
                    timer.cancelled()[0] = true;
                    timer.action().run();
                }
            }
        }

        void fire(Duration delay) {
            for (Timer timer : List.copyOf(timers)) {
                if (!timer.cancelled()[0] && timer.delay().equals(delay)) {
                    timer.cancelled()[0] = true;
                    timer.action().run();
                }
            }
        }
    }

    static final class FakeBackend implements KioskBackend {
        final List<String> keys = new ArrayList<>();
        final List<String> phones = new ArrayList<>();
        final List<TicketDto> issued = new ArrayList<>();
        Exception failWith;

        @Override
        public Setup load() throws Exception {
            if (failWith != null) {
                throw failWith;
            }
            return new Setup(new SiteDto(1, "Riverside Clinic", "Europe/Madrid"), List.of(GP));
        }

        @Override
        public Issued issue(long serviceId, String phone, String language, String idempotencyKey) throws Exception {
            keys.add(idempotencyKey);
            if (failWith != null) {
                throw failWith;
            }
            phones.add(phone);
            var ticket = new TicketDto(issued.size() + 1, 1, serviceId, "A-00" + (issued.size() + 1),
                    LocalDate.of(2026, 11, 23), TicketState.WAITING, Priority.NORMAL, TicketSource.KIOSK, null, phone,
                    null, null, null, null, Instant.parse("2026-11-23T09:15:00Z"), null, null, null, 0);
            issued.add(ticket);
            return new Issued(ticket, 2, 5, 12, "http://clinic/t/tok");
        }
    }

    static final class FakePrinter implements TicketPrinter {
        final List<PrintedTicket> printed = new ArrayList<>();
        PrinterProblem failWith;

        @Override
        public void print(PrintedTicket ticket) throws PrinterProblem {
            if (failWith != null) {
                throw failWith;
            }
            printed.add(ticket);
        }
    }
}
