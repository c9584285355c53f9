package org.queuedesk.desktop.kiosk;

import java.io.IOException;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.queuedesk.common.appointment.KioskCheckInDto;
import org.queuedesk.desktop.api.ApiException;
import org.queuedesk.desktop.api.IdempotencyKeys;
import org.queuedesk.desktop.ground.BackgroundExecutor;

/**
 * "I have an appointment": the patient types their booking code (or switches to their phone number) and the
 * server checks them in. A wrong code keeps them on the screen with a kind word in their language; an unanswered
 * attempt is retried with the same idempotency key, so it can never check in twice. The screen around it (idle
 * timeout, done screen, printing) is {@link KioskFlow}'s.
 */
public final class KioskCheckInFlow {

    private static final Logger LOG = Logger.getLogger(KioskCheckInFlow.class.getName());

    /** What the patient types: the booking code, or the phone number the booking was made with. */
    public enum Mode { CODE, PHONE }

    private final BackgroundExecutor background;
    private final KioskBackend backend;
    private final KioskTexts texts;
    private final Supplier<Long> siteId;
    private final Runnable touched;
    private final Consumer<KioskCheckInDto> checkedIn;
    private final IdempotencyKeys keys = new IdempotencyKeys();
    private final BookingCodeKeypad codeKeypad;
    private final PhoneKeypad phoneKeypad;

    private final ReadOnlyObjectWrapper<Mode> mode = new ReadOnlyObjectWrapper<>(this, "mode", Mode.CODE);
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy", false);
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private String pending;

    /**
     * @param siteId    the kiosk's site, null until the kiosk could read it
     * @param checkedIn the server's answer, on the UI thread: the kiosk shows and prints the ticket
     */
    KioskCheckInFlow(BackgroundExecutor background, KioskBackend backend, KioskTexts texts, Supplier<Long> siteId,
                     Runnable touched, Consumer<KioskCheckInDto> checkedIn) {
        this.background = background;
        this.backend = backend;
        this.texts = texts;
        this.siteId = siteId;
        this.touched = touched;
        this.checkedIn = checkedIn;
        this.codeKeypad = new BookingCodeKeypad(touched, () -> error.set(""));
        this.phoneKeypad = new PhoneKeypad(touched, () -> error.set(""));
    }

    public void useCode() {
        touched.run();
        error.set("");
        mode.set(Mode.CODE);
    }

    public void usePhone() {
        touched.run();
        error.set("");
        mode.set(Mode.PHONE);
    }

    /** Sends what was typed; the server says whether a booking of today at this site has it. */
    public void send() {
        touched.run();
        if (busy.get()) {
            return;
        }
        boolean byCode = mode.get() == Mode.CODE;
        String typed = byCode ? codeKeypad.codeProperty().get() : phoneKeypad.phoneProperty().get();
        if (byCode && !codeKeypad.complete()) {
            error.set(texts.format("kiosk.checkIn.codeShort", BookingCodeKeypad.LENGTH));
            return;
        }
        if (!byCode && typed.isEmpty()) {
            error.set(texts.text("kiosk.phone.empty"));
            return;
        }
        Long site = siteId.get();
        if (site == null) {
            error.set(texts.text("kiosk.error.unanswered"));
            return;
        }
        busy.set(true);
        error.set("");
        String action = mode.get() + ":" + typed; // another code is another request: a key of its own
        pending = action;
        String key = keys.keyFor(action);
        background.run(() -> backend.checkIn(site, byCode ? typed : null, byCode ? null : typed, key), answer -> {
            busy.set(false);
            keys.settled(action);
            pending = null;
            checkedIn.accept(answer);
        }, failure -> {
            busy.set(false);
            keys.settledUnlessUnanswered(action, failure);
            error.set(texts.text(messageKey(failure, byCode)));
        });
    }

    /** The server's reasons are written for staff, in English: a patient reads one picked by status. */
    private static String messageKey(Throwable failure, boolean byCode) {
        if (failure instanceof ApiException api) {
            return switch (api.status()) {
                case 404 -> byCode ? "kiosk.checkIn.notFound" : "kiosk.checkIn.phoneNotFound";
                case 409 -> api.currentState().filter("checked_in"::equals).isPresent()
                        ? "kiosk.checkIn.already" : "kiosk.checkIn.missed";
                case 429 -> "kiosk.checkIn.tooMany";
                case 400, 422 -> api.fieldErrors().containsKey("phone") ? "kiosk.phone.invalid"
                        : byCode ? "kiosk.checkIn.notFound" : "kiosk.checkIn.phoneNotFound";
                case 401, 403 -> "kiosk.error.outOfService";
                default -> KioskProblems.GENERIC;
            };
        }
        if (!(failure instanceof IOException)) {
            LOG.log(Level.WARNING, "Kiosk could not check a patient in", failure);
        }
        return "kiosk.error.unanswered";
    }

    /** Nothing of the last patient left: keys, typed code and number, complaint, code mode. */
    void clear() {
        if (pending != null) {
            keys.settled(pending);
            pending = null;
        }
        codeKeypad.clear();
        phoneKeypad.clear();
        error.set("");
        mode.set(Mode.CODE);
    }

    public BookingCodeKeypad codeKeypad() {
        return codeKeypad;
    }

    public PhoneKeypad phoneKeypad() {
        return phoneKeypad;
    }

    public ReadOnlyObjectProperty<Mode> modeProperty() {
        return mode.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }
}
