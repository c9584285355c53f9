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
import java.util.Map;
import javafx.beans.property.SimpleBooleanProperty;
import org.junit.jupiter.api.Test;
import org.queuedesk.common.appointment.KioskCheckInDto;
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
import org.queuedesk.desktop.kiosk.KioskCheckInFlow.Mode;
import org.queuedesk.desktop.kiosk.KioskFlow.Step;
import org.queuedesk.desktop.kiosk.KioskViewModelTest.FakePrinter;
import org.queuedesk.desktop.kiosk.KioskViewModelTest.ManualTimers;

/**
 * "I have an appointment" without a toolkit: the code keyboard (only 34679ACEFGHJKMNPRTXY, README), the phone
 * switch, the kind words for each refusal in the patient's language, the same key for a retry, the ticket shown
 * and printed like a walk-in's, and the idle reset.
 */
class KioskCheckInFlowTest {

    private static final ServiceDto GP = new ServiceDto(1, 1, "General practice", "A", 3, true);
    private static final Locale SPANISH = Locale.forLanguageTag("es");

    private final ManualTimers timers = new ManualTimers();
    private final CheckInBackend backend = new CheckInBackend();
    private final FakePrinter printer = new FakePrinter();
    private final KioskSettings settings = KioskSettings.defaults("2468")
            .withTimes(Duration.ofSeconds(45), Duration.ofSeconds(10));
    private final KioskViewModel kiosk = new KioskViewModel(new CurrentThreadExecutor(), backend, printer, timers,
            settings, Theme::messages, Clock.fixed(Instant.parse("2026-11-23T08:50:00Z"), ZoneOffset.UTC),
            new SimpleBooleanProperty(false), () -> { });

    private KioskCheckInFlow checkIn() {
        return kiosk.flow().checkIn();
    }

    private void typeCode(String keys) {
        keys.chars().forEach(c -> checkIn().codeKeypad().key((char) c));
    }

    private void appointmentIn(Locale language) {
        kiosk.load();
        kiosk.flow().chooseLanguage(language);
        kiosk.flow().chooseAppointment();
    }

    @Test
    void theCodeKeyboardTakesOnlyTheCodeAlphabetAndSixCharacters() {
        appointmentIn(Locale.ENGLISH);
        assertThat(checkIn().modeProperty().get()).isEqualTo(Mode.CODE);

        // look-alikes that no code has (0, O, 1, I, 5, S, 8, B, 2, Z, U, V, D, Q, L) are not keys
        typeCode("0O1I5S8B2ZUVDQL");
        assertThat(checkIn().codeKeypad().codeProperty().get()).isEmpty();
        typeCode("7kx4pam");

        assertThat(checkIn().codeKeypad().codeProperty().get()).isEqualTo("7KX4PA");
        checkIn().codeKeypad().backspace();
        assertThat(checkIn().codeKeypad().codeProperty().get()).isEqualTo("7KX4P");
        assertThat(KioskAppointmentView.spacedOut("7KX4P")).isEqualTo("7 K X 4 P _");
    }

    @Test
    void aCodeChecksInAndTheTicketIsShownAndPrintedWithTheAppointmentsTime() {
        appointmentIn(Locale.ENGLISH);
        assertThat(kiosk.flow().getStep()).isEqualTo(Step.APPOINTMENT);
        typeCode("7KX4PA");

        checkIn().send();

        assertThat(backend.calls).containsExactly("site 1 code 7KX4PA phone null");
        assertThat(kiosk.flow().getStep()).isEqualTo(Step.DONE);
        var shown = kiosk.flow().issued();
        assertThat(shown.ticketProperty().get().ticket().number()).isEqualTo("A-007");
        assertThat(shown.serviceNameProperty().get()).isEqualTo("General practice");
        assertThat(shown.peopleAheadProperty().get()).startsWith("Your appointment: ").contains("09:15");
        assertThat(shown.estimatedWaitProperty().get()).isEmpty();
        assertThat(shown.deliveryProperty().get()).isEqualTo("Please take your ticket.");
        assertThat(printer.printed).singleElement().satisfies(paper -> {
            assertThat(paper.number()).isEqualTo("A-007");
            assertThat(paper.service()).isEqualTo("General practice");
        });

        timers.fire(settings.confirmationTime());
        assertThat(kiosk.flow().getStep()).isEqualTo(Step.LANGUAGE);
        assertThat(checkIn().codeKeypad().codeProperty().get()).isEmpty();
    }

    @Test
    void aWrongCodeKeepsThePatientOnTheScreenWithAKindWordInTheirLanguage() {
        appointmentIn(SPANISH);
        typeCode("7KX4PA");
        backend.failWith = problem(404, null, null);

        checkIn().send();

        assertThat(kiosk.flow().getStep()).isEqualTo(Step.APPOINTMENT);
        assertThat(checkIn().errorProperty().get()).isEqualTo("No encontramos ninguna cita para hoy con ese código."
                + " Compruébelo y vuelva a intentarlo, o pregunte en recepción.");
        assertThat(checkIn().codeKeypad().codeProperty().get()).as("kept, to correct one character").isEqualTo("7KX4PA");
        checkIn().codeKeypad().backspace();
        assertThat(checkIn().errorProperty().get()).isEmpty();
    }

    @Test
    void aShortCodeIsNotSentAndSaysHowLongACodeIs() {
        appointmentIn(Locale.ENGLISH);
        typeCode("7KX");

        checkIn().send();

        assertThat(backend.calls).isEmpty();
        assertThat(checkIn().errorProperty().get()).isEqualTo("A booking code has 6 letters and numbers.");
    }

    @Test
    void thePhoneNumberInsteadAndEachRefusalInThePatientsWords() {
        appointmentIn(Locale.ENGLISH);
        checkIn().usePhone();
        assertThat(checkIn().modeProperty().get()).isEqualTo(Mode.PHONE);
        checkIn().send();
        assertThat(checkIn().errorProperty().get()).isEqualTo("Type your mobile number first");
        "+34600123456".chars().forEach(c -> checkIn().phoneKeypad().key((char) c));

        backend.failWith = problem(404, null, null);
        checkIn().send();
        assertThat(checkIn().errorProperty().get()).startsWith("We could not find an appointment for today with that number.");
        backend.failWith = problem(409, "checked_in", null);
        checkIn().send();
        assertThat(checkIn().errorProperty().get()).startsWith("You are already checked in.");
        backend.failWith = problem(409, "missed", null);
        checkIn().send();
        assertThat(checkIn().errorProperty().get()).startsWith("The time of this appointment has passed.");
        backend.failWith = problem(429, null, null);
        checkIn().send();
        assertThat(checkIn().errorProperty().get()).isEqualTo("Please ask at reception to check in; they will be glad to help.");
        backend.failWith = problem(400, null, Map.of("phone", "is not a valid phone number."));
        checkIn().send();
        assertThat(checkIn().errorProperty().get()).startsWith("That number does not look right.");
        backend.failWith = null;
        checkIn().send();

        assertThat(backend.calls).last().isEqualTo("site 1 code null phone +34600123456");
        assertThat(kiosk.flow().getStep()).isEqualTo(Step.DONE);
    }

    @Test
    void anUnansweredCheckInIsRetriedWithTheSameKeyAndAnotherCodeIsAnotherRequest() {
        appointmentIn(Locale.ENGLISH);
        typeCode("7KX4PA");
        backend.failWith = new IOException("connection reset");
        checkIn().send();
        assertThat(checkIn().errorProperty().get()).startsWith("We could not reach the queue");
        checkIn().send();
        checkIn().codeKeypad().backspace();
        typeCode("C");
        backend.failWith = null;
        checkIn().send();

        assertThat(backend.keys.get(1)).isEqualTo(backend.keys.get(0));
        assertThat(backend.keys.get(2)).isNotEqualTo(backend.keys.get(1));
    }

    @Test
    void theAppointmentScreenStartsOverAfterTheIdleTimeoutAndBackGoesToTheServices() {
        appointmentIn(SPANISH);
        typeCode("7K");
        kiosk.flow().back();
        assertThat(kiosk.flow().getStep()).isEqualTo(Step.SERVICE);
        kiosk.flow().chooseAppointment();
        assertThat(checkIn().codeKeypad().codeProperty().get()).as("a fresh screen").isEmpty();
        checkIn().usePhone();
        checkIn().phoneKeypad().key('6');

        timers.fireAll();

        assertThat(kiosk.flow().getStep()).isEqualTo(Step.LANGUAGE);
        assertThat(kiosk.texts().languageProperty().get()).isEqualTo(Locale.ENGLISH);
        assertThat(checkIn().phoneKeypad().phoneProperty().get()).isEmpty();
        assertThat(checkIn().modeProperty().get()).isEqualTo(Mode.CODE);
    }

    private static ApiException problem(int status, String currentState, Map<String, String> errors) {
        return new ApiException(status, new Problem(null, "Refused", status, "the server's English words", null,
                errors, currentState));
    }

    static final class CheckInBackend implements KioskBackend {
        final List<String> calls = new ArrayList<>();
        final List<String> keys = new ArrayList<>();
        Exception failWith;

        @Override
        public Setup load() {
            return new Setup(new SiteDto(1, "Riverside Clinic", "UTC"), List.of(GP));
        }

        @Override
        public Issued issue(long serviceId, String phone, String language, String idempotencyKey) {
            throw new AssertionError("a check-in issues no walk-in ticket");
        }

        @Override
        public KioskCheckInDto checkIn(long siteId, String code, String phone, String idempotencyKey) throws Exception {
            keys.add(idempotencyKey);
            if (failWith != null) {
                throw failWith;
            }
            calls.add("site " + siteId + " code " + code + " phone " + phone);
            var ticket = new TicketDto(70, 1, GP.id(), "A-007", LocalDate.of(2026, 11, 23), TicketState.WAITING,
                    Priority.NORMAL, TicketSource.APPOINTMENT, null, null, null, null, null, null,
                    Instant.parse("2026-11-23T08:50:00Z"), Instant.parse("2026-11-23T09:15:00Z"), null, null, 0);
            return new KioskCheckInDto(ticket, "09:15", false);
        }
    }
}
