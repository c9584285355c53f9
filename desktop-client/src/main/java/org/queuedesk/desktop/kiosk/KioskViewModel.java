package org.queuedesk.desktop.kiosk;

import java.io.IOException;
import java.text.MessageFormat;
import java.time.Clock;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ObservableBooleanValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.queuedesk.common.auth.PrinterStatusRequest;
import org.queuedesk.common.site.ServiceDto;
import org.queuedesk.desktop.api.ApiException;
import org.queuedesk.desktop.api.IdempotencyKeys;
import org.queuedesk.desktop.ground.BackgroundExecutor;
import org.queuedesk.desktop.kiosk.print.PrintedTicket;
import org.queuedesk.desktop.kiosk.print.PrinterProblem;
import org.queuedesk.desktop.kiosk.print.TicketPrinter;

/**
 * The kiosk's whole flow, one patient at a time: language, service, "print" or "text me", the phone keypad,
 * the confirmation, then back to the start by itself. Every screen starts over after the idle timeout. A
 * failed print is printed again from the ticket already issued; an unanswered issue is retried with the same
 * idempotency key; neither can ever give a second ticket. Staff leave with the PIN. Never sees a control;
 * lives on the UI thread, does I/O through the background seam.
 */
public final class KioskViewModel {

    private static final Logger LOG = Logger.getLogger(KioskViewModel.class.getName());
    static final String ISSUE = "issue";
    static final int STAFF_TAPS = 5;
    static final java.time.Duration STAFF_TAP_WINDOW = java.time.Duration.ofSeconds(4);
    private static final int MAX_PHONE_LENGTH = 16;

    /** {@code NUMBER}: the number shown big instead of printed, for a patient without a phone. */
    public enum Step { LANGUAGE, SERVICE, DELIVERY, PHONE, DONE, NUMBER }

    private final BackgroundExecutor background;
    private final KioskBackend backend;
    private final TicketPrinter printer;
    private final KioskTimers timers;
    private final KioskSettings settings;
    private final Function<Locale, ResourceBundle> bundles;
    private final Clock clock;
    private final Runnable onExit;
    private final IdempotencyKeys keys = new IdempotencyKeys();

    private final ReadOnlyObjectWrapper<Step> step = new ReadOnlyObjectWrapper<>(this, "step", Step.LANGUAGE);
    private final ReadOnlyObjectWrapper<Locale> language = new ReadOnlyObjectWrapper<>(this, "language");
    private final ObservableList<ServiceDto> services = FXCollections.observableArrayList();
    // one read-only view: a fresh wrapper per call would drop its listeners once it is collected
    private final ObservableList<ServiceDto> servicesView = FXCollections.unmodifiableObservableList(services);
    private final ReadOnlyBooleanWrapper loaded = new ReadOnlyBooleanWrapper(this, "loaded", false);
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy", false);
    private final ReadOnlyStringWrapper phone = new ReadOnlyStringWrapper(this, "phone", "");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private final ReadOnlyObjectWrapper<KioskBackend.Issued> issued = new ReadOnlyObjectWrapper<>(this, "issued");
    private final ReadOnlyStringWrapper serviceName = new ReadOnlyStringWrapper(this, "serviceName", "");
    private final ReadOnlyStringWrapper peopleAhead = new ReadOnlyStringWrapper(this, "peopleAhead", "");
    private final ReadOnlyStringWrapper estimatedWait = new ReadOnlyStringWrapper(this, "estimatedWait", "");
    private final ReadOnlyStringWrapper deliveryText = new ReadOnlyStringWrapper(this, "deliveryText", "");
    private final ReadOnlyStringWrapper printProblem = new ReadOnlyStringWrapper(this, "printProblem", "");
    private final ReadOnlyBooleanWrapper printing = new ReadOnlyBooleanWrapper(this, "printing", false);
    private final ReadOnlyBooleanWrapper pinOpen = new ReadOnlyBooleanWrapper(this, "pinOpen", false);
    private final ReadOnlyStringWrapper pinEntry = new ReadOnlyStringWrapper(this, "pinEntry", "");
    private final ReadOnlyStringWrapper pinError = new ReadOnlyStringWrapper(this, "pinError", "");
    private final ReadOnlyStringWrapper outageText = new ReadOnlyStringWrapper(this, "outageText", "");
    private final ReadOnlyBooleanWrapper highContrast = new ReadOnlyBooleanWrapper(this, "highContrast", false);
    private final ObservableBooleanValue outage;
    private final BooleanBinding canRetryPrint;

    private KioskBackend.Setup setup;
    private ServiceDto chosen;
    private boolean texting;
    private boolean onScreen;
    private Runnable idleTimer = () -> { };
    private Runnable doneTimer = () -> { };
    private int staffTaps;
    private java.time.Instant firstStaffTap = java.time.Instant.MIN;

    /**
     * @param outage true while the server does not answer (the connection banner's condition)
     * @param onExit leaves kiosk mode once staff typed the PIN
     */
    public KioskViewModel(BackgroundExecutor background, KioskBackend backend, TicketPrinter printer,
                          KioskTimers timers, KioskSettings settings, Function<Locale, ResourceBundle> bundles,
                          Clock clock, ObservableBooleanValue outage, Runnable onExit) {
        this.background = background;
        this.backend = backend;
        this.printer = printer;
        this.timers = timers;
        this.settings = settings;
        this.bundles = bundles;
        this.clock = clock;
        this.outage = outage;
        this.onExit = onExit;
        this.canRetryPrint = Bindings.createBooleanBinding(
                () -> !printProblem.get().isEmpty() && !printing.get(), printProblem, printing);
        language.set(settings.languages().get(0));
        outageText.set(text("kiosk.outage"));
        // a server that comes back recovers the kiosk by itself: read the services it could not read before
        outage.addListener((o, was, now) -> {
            if (!now && !loaded.get()) {
                load();
            }
        });
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

    // --- the flow -------------------------------------------------------------------------------------

    public void chooseLanguage(Locale chosenLanguage) {
        language.set(chosenLanguage);
        outageText.set(text("kiosk.outage"));
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
        serviceName.set(service.nameIn(language.get())); // the name an admin gave it in this language, if any
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
        if (issued.get() != null && !printing.get()) {
            showNumber();
        }
    }

    /** Stays longer than a confirmation, and the idle timeout does not cut it short: time to write it down. */
    private void showNumber() {
        step.set(Step.NUMBER);
        doneTimer.run();
        doneTimer = timers.after(settings.onScreenTime(), this::reset);
    }

    public void chooseText() {
        touched();
        texting = true;
        onScreen = false;
        phone.set("");
        error.set("");
        step.set(Step.PHONE);
    }

    /** A keypad key: a digit or '+'. */
    public void key(char key) {
        touched();
        error.set("");
        String now = phone.get();
        if (now.length() >= MAX_PHONE_LENGTH || !(Character.isDigit(key) || (key == '+' && now.isEmpty()))) {
            return;
        }
        phone.set(now + key);
    }

    public void backspace() {
        touched();
        String now = phone.get();
        phone.set(now.isEmpty() ? now : now.substring(0, now.length() - 1));
    }

    /** Sends the number as typed: the server validates it and says what is wrong with it. */
    public void sendPhone() {
        touched();
        if (phone.get().isEmpty()) {
            error.set(text("kiosk.phone.empty"));
            return;
        }
        issue(phone.get());
    }

    /** One step back (the language screen has none). */
    public void back() {
        touched();
        error.set("");
        switch (step.get()) {
            case SERVICE, DONE, NUMBER -> reset();
            case DELIVERY -> step.set(Step.SERVICE);
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
        String lang = language.get().getLanguage();
        background.run(() -> backend.issue(serviceId, phoneNumber, lang, key), this::issuedTicket, failure -> {
            busy.set(false);
            keys.settledUnlessUnanswered(ISSUE, failure);
            if (failure instanceof ApiException api) {
                error.set(refusal(api));
            } else if (failure instanceof IOException) {
                error.set(text("kiosk.error.unanswered"));
            } else {
                LOG.log(Level.WARNING, "Kiosk could not issue a ticket", failure);
                error.set(text("kiosk.error.unanswered"));
            }
        });
    }

    /**
     * A refusal in the patient's language: the server's reasons ({@code detail}) are written for staff, in
     * English, and never reach a patient. {@link KioskProblems} picks the text by the problem's type.
     */
    private String refusal(ApiException api) {
        return text(KioskProblems.messageKey(api));
    }

    private void issuedTicket(KioskBackend.Issued ticket) {
        busy.set(false);
        keys.settled(ISSUE);
        issued.set(ticket);
        peopleAhead.set(ticket.peopleAhead() == null ? ""
                : format("kiosk.done.ahead", ticket.peopleAhead()));
        estimatedWait.set(ticket.waitMinMinutes() == null || ticket.waitMaxMinutes() == null
                ? text("kiosk.done.waitUnknown")
                : format("kiosk.done.wait", ticket.waitMinMinutes(), ticket.waitMaxMinutes()));
        printProblem.set("");
        if (onScreen) {
            showNumber();
            return;
        }
        step.set(Step.DONE);
        if (texting) {
            deliveryText.set(format("kiosk.done.texted", org.queuedesk.desktop.ground.BidiText.leftToRight(
                    masked(ticket.ticket().phone() == null ? phone.get() : ticket.ticket().phone()))));
            startDoneTimer();
        } else {
            deliveryText.set(text("kiosk.done.printing"));
            print();
        }
    }

    /** Prints the ticket already issued (again, after a printer problem): never issues another. */
    public void print() {
        touched();
        KioskBackend.Issued ticket = issued.get();
        if (ticket == null || printing.get()) {
            return;
        }
        printing.set(true);
        printProblem.set("");
        PrintedTicket paper = paper(ticket);
        background.run(() -> {
            printer.print(paper);
            return Boolean.TRUE;
        }, ok -> {
            printing.set(false);
            deliveryText.set(text("kiosk.done.printed"));
            startDoneTimer();
            reportPrinter(PrinterStatusRequest.OK, null);
        }, failure -> {
            printing.set(false);
            LOG.log(Level.WARNING, "Kiosk printer problem", failure);
            PrinterProblem.Kind kind = failure instanceof PrinterProblem p ? p.kind() : PrinterProblem.Kind.FAILED;
            printProblem.set(text("kiosk.print." + kind.name().toLowerCase(Locale.ROOT)));
            deliveryText.set(text("kiosk.done.notPrinted"));
            reportPrinter(kind.name().toLowerCase(Locale.ROOT), failure.getMessage());
        });
    }

    /** Tells reception how the printer did; best-effort: a report that fails never reaches the patient. */
    private void reportPrinter(String state, String detail) {
        var status = new PrinterStatusRequest(state, detail);
        background.run(() -> {
            backend.reportPrinter(status);
            return Boolean.TRUE;
        }, reported -> { }, failure -> LOG.log(Level.INFO, "Kiosk could not report its printer (" + state + ")", failure));
    }

    /** The next patient may be standing behind: only the start and the last three digits stay readable. */
    static String masked(String phoneNumber) {
        if (phoneNumber == null || phoneNumber.length() <= 6) {
            return phoneNumber;
        }
        int keepStart = phoneNumber.startsWith("+") ? 3 : 0;
        return phoneNumber.substring(0, keepStart)
                + "\u2022".repeat(phoneNumber.length() - keepStart - 3)
                + phoneNumber.substring(phoneNumber.length() - 3);
    }

    PrintedTicket paper(KioskBackend.Issued ticket) {
        ZoneId zone = setup == null || setup.site().timeZone() == null ? clock.getZone() : ZoneId.of(setup.site().timeZone());
        String time = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.SHORT).withLocale(language.get()).withZone(zone)
                .format(ticket.ticket().issuedAt() == null ? clock.instant() : ticket.ticket().issuedAt());
        return new PrintedTicket(setup == null ? "" : setup.site().name(), ticket.ticket().number(), serviceName.get(),
                time, peopleAhead.get(), text("kiosk.ticket.footer"), ticket.statusUrl(), isRightToLeft());
    }

    private void startDoneTimer() {
        doneTimer.run();
        doneTimer = timers.after(settings.confirmationTime(), this::reset);
    }

    /** Back to the language screen with nothing of the last patient left on it. */
    public void reset() {
        doneTimer.run();
        doneTimer = () -> { };
        idleTimer.run();
        idleTimer = () -> { };
        keys.settled(ISSUE);
        chosen = null;
        texting = false;
        onScreen = false;
        phone.set("");
        error.set("");
        issued.set(null);
        serviceName.set("");
        peopleAhead.set("");
        estimatedWait.set("");
        deliveryText.set("");
        printProblem.set("");
        closePin();
        highContrast.set(false);
        language.set(settings.languages().get(0));
        outageText.set(text("kiosk.outage"));
        step.set(Step.LANGUAGE);
    }

    /** Any touch or key: the idle timer starts again. On the start screen nothing needs resetting. */
    public void touched() {
        idleTimer.run();
        if (step.get() == Step.LANGUAGE && !pinOpen.get()) {
            idleTimer = () -> { };
            return;
        }
        idleTimer = timers.after(settings.idleTimeout(), this::idle);
    }

    private void idle() {
        if (busy.get() || printing.get() || step.get() == Step.NUMBER) {
            // never drop a patient while their ticket is on its way, or while they write their number down
            touched();
            return;
        }
        reset();
    }

    // --- staff ----------------------------------------------------------------------------------------

    /** A tap on the hidden staff corner; five within four seconds open the PIN pad. */
    public void staffCornerTapped() {
        java.time.Instant now = clock.instant();
        if (now.isAfter(firstStaffTap.plus(STAFF_TAP_WINDOW))) {
            firstStaffTap = now;
            staffTaps = 0;
        }
        staffTaps++;
        if (staffTaps >= STAFF_TAPS) {
            staffTaps = 0;
            openPin();
        }
    }

    public void openPin() {
        pinEntry.set("");
        pinError.set("");
        pinOpen.set(true);
        touched();
    }

    public void pinKey(char digit) {
        touched();
        if (Character.isDigit(digit) && pinEntry.get().length() < 12) {
            pinEntry.set(pinEntry.get() + digit);
            pinError.set("");
        }
    }

    public void pinBackspace() {
        String now = pinEntry.get();
        pinEntry.set(now.isEmpty() ? now : now.substring(0, now.length() - 1));
    }

    public void submitPin() {
        if (settings.pin().equals(pinEntry.get())) {
            closePin();
            doneTimer.run();
            idleTimer.run();
            onExit.run();
        } else {
            pinEntry.set("");
            pinError.set(text("kiosk.pin.wrong"));
            touched();
        }
    }

    public void closePin() {
        pinOpen.set(false);
        pinEntry.set("");
        pinError.set("");
    }

    /** Leaving the kiosk (after the PIN, or when the app closes): no timer fires afterwards. */
    public void stop() {
        doneTimer.run();
        idleTimer.run();
    }

    // --- texts ----------------------------------------------------------------------------------------

    public ResourceBundle messages() {
        return bundles.apply(language.get());
    }

    public String text(String key) {
        return messages().getString(key);
    }

    private String format(String key, Object... arguments) {
        return new MessageFormat(text(key), language.get()).format(arguments);
    }

    public boolean isRightToLeft() {
        return org.queuedesk.desktop.ground.Theme.isRightToLeft(language.get());
    }

    /** A language's own name for itself ("Español"), for the language buttons. */
    public String nameOf(Locale language) {
        return bundles.apply(language).getString("kiosk.language.name");
    }

    public List<Locale> languages() {
        return settings.languages();
    }

    public boolean printerAvailable() {
        return printer.available();
    }

    // --- properties -----------------------------------------------------------------------------------

    public ReadOnlyObjectProperty<Step> stepProperty() {
        return step.getReadOnlyProperty();
    }

    public Step getStep() {
        return step.get();
    }

    public ReadOnlyObjectProperty<Locale> languageProperty() {
        return language.getReadOnlyProperty();
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

    public ReadOnlyStringProperty phoneProperty() {
        return phone.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<KioskBackend.Issued> issuedProperty() {
        return issued.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty serviceNameProperty() {
        return serviceName.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty peopleAheadProperty() {
        return peopleAhead.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty estimatedWaitProperty() {
        return estimatedWait.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty deliveryTextProperty() {
        return deliveryText.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty printProblemProperty() {
        return printProblem.getReadOnlyProperty();
    }


    public BooleanBinding canRetryPrintProperty() {
        return canRetryPrint;
    }

    public ReadOnlyBooleanProperty pinOpenProperty() {
        return pinOpen.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty pinEntryProperty() {
        return pinEntry.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty pinErrorProperty() {
        return pinError.getReadOnlyProperty();
    }

    public ObservableBooleanValue outageProperty() {
        return outage;
    }

    public ReadOnlyBooleanProperty highContrastProperty() {
        return highContrast.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty outageTextProperty() {
        return outageText.getReadOnlyProperty();
    }
}
