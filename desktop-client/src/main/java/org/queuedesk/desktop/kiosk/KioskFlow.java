package org.queuedesk.desktop.kiosk;

import java.io.IOException;
import java.util.Locale;
import java.util.function.BooleanSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.queuedesk.common.appointment.KioskCheckInDto;
import org.queuedesk.common.site.ServiceDto;
import org.queuedesk.desktop.api.ApiException;
import org.queuedesk.desktop.api.IdempotencyKeys;
import org.queuedesk.desktop.ground.BackgroundExecutor;
import org.queuedesk.desktop.ground.BidiText;

/**
 * One patient's way through the kiosk: language, service, "print" or "text me", the phone keypad, the
 * confirmation, then back to the start by itself. Every screen starts over after the idle timeout. An
 * unanswered issue is retried with the same idempotency key, so it can never give a second ticket.
 */
public final class KioskFlow {

    private static final Logger LOG = Logger.getLogger(KioskFlow.class.getName());
    private static final String ISSUE = "issue";

    /**
     * {@code NUMBER}: the number shown big instead of printed, for a patient without a phone; {@code APPOINTMENT}:
     * "I have an appointment" ({@link KioskCheckInFlow}), which ends on {@code DONE} like a walk-in.
     */
    public enum Step { LANGUAGE, SERVICE, DELIVERY, PHONE, DONE, NUMBER, APPOINTMENT }

    private final BackgroundExecutor background;
    private final KioskBackend backend;
    private final KioskPrinting printing;
    private final KioskTimers timers;
    private final KioskSettings settings;
    private final KioskTexts texts;
    private final BooleanSupplier staffPadOpen;
    private final Runnable alsoOnReset;
    private final IdempotencyKeys keys = new IdempotencyKeys();
    private final PhoneKeypad keypad;

    private final ReadOnlyObjectWrapper<Step> step = new ReadOnlyObjectWrapper<>(this, "step", Step.LANGUAGE);
    private final ObservableList<ServiceDto> services = FXCollections.observableArrayList();
    // one read-only view: a fresh wrapper per call would drop its listeners once it is collected
    private final ObservableList<ServiceDto> servicesView = FXCollections.unmodifiableObservableList(services);
    private final ReadOnlyBooleanWrapper loaded = new ReadOnlyBooleanWrapper(this, "loaded", false);
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy", false);
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private final ReadOnlyBooleanWrapper highContrast = new ReadOnlyBooleanWrapper(this, "highContrast", false);
    private final IssuedTicketSummary issued;
    private final KioskCheckInFlow checkIn;

    private KioskBackend.Setup setup;
    private ServiceDto chosen;
    private boolean texting;
    private boolean onScreen;
    private Runnable idleTimer = () -> { };
    private Runnable doneTimer = () -> { };

    /**
     * @param staffPadOpen true while the PIN pad is up: the idle timer runs even on the start screen then
     * @param alsoOnReset  clears what the other parts kept of the last patient
     */
    KioskFlow(BackgroundExecutor background, KioskBackend backend, KioskPrinting printing, KioskTimers timers,
              KioskSettings settings, KioskTexts texts, BooleanSupplier staffPadOpen, Runnable alsoOnReset) {
        this.background = background;
        this.backend = backend;
        this.printing = printing;
        this.timers = timers;
        this.settings = settings;
        this.texts = texts;
        this.staffPadOpen = staffPadOpen;
        this.alsoOnReset = alsoOnReset;
        this.keypad = new PhoneKeypad(this::touched, () -> error.set(""));
        this.issued = new IssuedTicketSummary(texts);
        this.checkIn = new KioskCheckInFlow(background, backend, texts, () -> setup == null ? null : setup.site().id(),
                this::touched, this::checkedIn);
    }

    /** Reads the site and its services; the kiosk shows the outage notice until this works. */
    public void load() {
        background.run(backend::load, fresh -> {
            setup = fresh;
            services.setAll(fresh.services());
            loaded.set(true);
        }, failure -> {
            LOG.log(Level.INFO, "Kiosk cannot read its services yet", failure);
            loaded.set(false);
        });
    }

    public void chooseLanguage(Locale chosenLanguage) {
        texts.use(chosenLanguage);
        error.set("");
        step.set(Step.SERVICE);
        touched();
        if (!loaded.get()) {
            load();
        }
    }

    /** The high-contrast look, for this patient only (the next one starts with the normal look). */
    public void toggleHighContrast() {
        highContrast.set(!highContrast.get());
        touched();
    }

    public void chooseService(ServiceDto service) {
        touched();
        chosen = service;
        issued.service(service.nameIn(texts.languageProperty().get())); // the name an admin gave it in this language, if any
        error.set("");
        step.set(Step.DELIVERY);
    }

    public void choosePrint() {
        touched();
        texting = false;
        onScreen = false;
        issue(null);
    }

    /** No printer, no phone: the ticket is issued like a printed one and its number shown big. */
    public void chooseScreen() {
        touched();
        texting = false;
        onScreen = true;
        issue(null);
    }

    /** After a printer problem: the number already issued, shown big instead (never another ticket). */
    public void showNumberOnScreen() {
        touched();
        if (issued.ticketProperty().get() != null && !printing.isPrinting()) {
            showNumber();
        }
    }

    /** Stays longer than a confirmation, and the idle timeout does not cut it short: time to write it down. */
    private void showNumber() {
        step.set(Step.NUMBER);
        resetAfterOnScreenTime();
    }

    /** A number to write down stays this long; the idle timeout does not cut it short. */
    private void resetAfterOnScreenTime() {
        doneTimer.run();
        doneTimer = timers.after(settings.onScreenTime(), this::reset);
    }

    public void chooseText() {
        touched();
        texting = true;
        onScreen = false;
        keypad.clear();
        error.set("");
        step.set(Step.PHONE);
    }

    /** Sends the number as typed: the server validates it and says what is wrong with it. */
    public void sendPhone() {
        touched();
        if (keypad.phoneProperty().get().isEmpty()) {
            error.set(texts.text("kiosk.phone.empty"));
            return;
        }
        issue(keypad.phoneProperty().get());
    }

    /** One step back (the language screen has none). */
    public void back() {
        touched();
        error.set("");
        switch (step.get()) {
            case SERVICE, DONE, NUMBER -> reset();
            case DELIVERY, APPOINTMENT -> step.set(Step.SERVICE);
            case PHONE -> step.set(Step.DELIVERY);
            default -> { }
        }
    }

    private void issue(String phoneNumber) {
        if (busy.get() || chosen == null) {
            return;
        }
        busy.set(true);
        error.set("");
        String key = keys.keyFor(ISSUE);
        long serviceId = chosen.id();
        String lang = texts.languageProperty().get().getLanguage();
        background.run(() -> backend.issue(serviceId, phoneNumber, lang, key), this::issuedTicket, failure -> {
            busy.set(false);
            keys.settledUnlessUnanswered(ISSUE, failure);
            if (failure instanceof ApiException api) {
                // the server's reasons are written for staff, in English: a patient reads one picked by type
                error.set(texts.text(KioskProblems.messageKey(api)));
            } else if (failure instanceof IOException) {
                error.set(texts.text("kiosk.error.unanswered"));
            } else {
                LOG.log(Level.WARNING, "Kiosk could not issue a ticket", failure);
                error.set(texts.text("kiosk.error.unanswered"));
            }
        });
    }

    private void issuedTicket(KioskBackend.Issued ticket) {
        busy.set(false);
        keys.settled(ISSUE);
        issued.show(ticket);
        printing.clear();
        if (onScreen) {
            showNumber();
            return;
        }
        step.set(Step.DONE);
        if (texting) {
            issued.delivery(texts.format("kiosk.done.texted", BidiText.leftToRight(PhoneKeypad.masked(
                    ticket.ticket().phone() == null ? keypad.phoneProperty().get() : ticket.ticket().phone()))));
            startDoneTimer();
        } else {
            printTicket(ticket);
        }
    }

    private void printTicket(KioskBackend.Issued ticket) {
        issued.delivery(texts.text("kiosk.done.printing"));
        printing.print(printing.paper(setup, ticket, issued.serviceNameProperty().get(),
                issued.peopleAheadProperty().get()), this::printed, this::notPrinted);
    }

    /** "I have an appointment": the code or phone screen. */
    public void chooseAppointment() {
        touched();
        error.set("");
        checkIn.clear();
        step.set(Step.APPOINTMENT);
    }

    /** Checked in: the ticket is shown and printed like a walk-in's, with the appointment's time on it. */
    private void checkedIn(KioskCheckInDto answer) {
        var ticket = new KioskBackend.Issued(answer.ticket(), null, null, null, null);
        issued.service(services.stream().filter(s -> s.id() == answer.ticket().serviceId()).findFirst()
                .map(s -> s.nameIn(texts.languageProperty().get())).orElse(""));
        issued.show(ticket);
        issued.appointment(answer.localTime(), answer.late());
        printing.clear();
        step.set(Step.DONE);
        if (!printing.available()) {
            // a kiosk without a printer: the number stays as long as one shown on screen does, never "the printer
            // is not answering" for a printer that is not there (nor a printer warning at reception)
            issued.delivery(texts.text("kiosk.number.note"));
            resetAfterOnScreenTime();
            return;
        }
        printTicket(ticket);
    }

    private void printed() {
        issued.delivery(texts.text("kiosk.done.printed"));
        startDoneTimer();
    }

    private void notPrinted() {
        issued.delivery(texts.text("kiosk.done.notPrinted"));
    }

    private void startDoneTimer() {
        doneTimer.run();
        doneTimer = timers.after(settings.confirmationTime(), this::reset);
    }

    /** Back to the language screen with nothing of the last patient left on it. */
    public void reset() {
        stop();
        doneTimer = () -> { };
        idleTimer = () -> { };
        keys.settled(ISSUE);
        chosen = null;
        texting = false;
        onScreen = false;
        keypad.clear();
        checkIn.clear();
        error.set("");
        issued.clear();
        alsoOnReset.run();
        highContrast.set(false);
        texts.useFirst();
        step.set(Step.LANGUAGE);
    }

    /** Any touch or key: the idle timer starts again. On the start screen nothing needs resetting. */
    public void touched() {
        idleTimer.run();
        if (step.get() == Step.LANGUAGE && !staffPadOpen.getAsBoolean()) {
            idleTimer = () -> { };
            return;
        }
        idleTimer = timers.after(settings.idleTimeout(), this::idle);
    }

    private void idle() {
        if (busy.get() || checkIn.busyProperty().get() || printing.isPrinting() || step.get() == Step.NUMBER) {
            // never drop a patient while their ticket is on its way, or while they write their number down
            touched();
            return;
        }
        reset();
    }

    /** Leaving the kiosk (after the PIN, or when the app closes): no timer fires afterwards. */
    void stop() {
        doneTimer.run();
        idleTimer.run();
    }

    public KioskCheckInFlow checkIn() {
        return checkIn;
    }

    public PhoneKeypad keypad() {
        return keypad;
    }

    /** The issued ticket and its words on the confirmation and number screens. */
    public IssuedTicketSummary issued() {
        return issued;
    }

    public ReadOnlyObjectProperty<Step> stepProperty() {
        return step.getReadOnlyProperty();
    }

    public Step getStep() {
        return step.get();
    }

    public ObservableList<ServiceDto> services() {
        return servicesView;
    }

    public ReadOnlyBooleanProperty loadedProperty() {
        return loaded.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty highContrastProperty() {
        return highContrast.getReadOnlyProperty();
    }
}
