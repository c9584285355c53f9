package org.queuedesk.desktop.ground;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ResourceBundle;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * The staff PIN that leaves a locked screen (the waiting-room display): five taps on the hidden corner within
 * a few seconds, or Ctrl+Shift+K, open the pad; only the right PIN runs {@code onExit}. Lives on the UI thread.
 * The kiosk uses it too, telling it each touch (its idle timer) and the patient's language of the moment.
 */
public final class StaffPin {

    public static final int TAPS = 5;
    static final Duration TAP_WINDOW = Duration.ofSeconds(4);
    private static final int MAX_LENGTH = 12;

    private final String pin;
    private final Clock clock;
    private final Supplier<ResourceBundle> messages;
    private final Runnable onExit;
    private final Runnable touched;
    private final ReadOnlyBooleanWrapper open = new ReadOnlyBooleanWrapper(this, "open", false);
    private final ReadOnlyStringWrapper entry = new ReadOnlyStringWrapper(this, "entry", "");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private int taps;
    private Instant firstTap = Instant.MIN;

    public StaffPin(String pin, Clock clock, ResourceBundle messages, Runnable onExit) {
        this(pin, clock, () -> messages, onExit, () -> { });
    }

    /**
     * @param messages the words of the moment (a kiosk speaks its patient's language)
     * @param touched  runs on each use of the pad, e.g. to restart an idle timer while staff type
     */
    public StaffPin(String pin, Clock clock, Supplier<ResourceBundle> messages, Runnable onExit, Runnable touched) {
        this.pin = pin;
        this.clock = clock;
        this.messages = messages;
        this.onExit = onExit;
        this.touched = touched;
    }

    public void cornerTapped() {
        Instant now = clock.instant();
        if (now.isAfter(firstTap.plus(TAP_WINDOW))) {
            firstTap = now;
            taps = 0;
        }
        if (++taps >= TAPS) {
            taps = 0;
            open();
        }
    }

    public void open() {
        entry.set("");
        error.set("");
        open.set(true);
        touched.run();
    }

    public void key(char digit) {
        touched.run();
        if (Character.isDigit(digit) && entry.get().length() < MAX_LENGTH) {
            entry.set(entry.get() + digit);
            error.set("");
        }
    }

    public void backspace() {
        String now = entry.get();
        entry.set(now.isEmpty() ? now : now.substring(0, now.length() - 1));
    }

    public void submit() {
        if (pin.equals(entry.get())) {
            close();
            onExit.run();
        } else {
            entry.set("");
            error.set(messages.get().getString("kiosk.pin.wrong"));
            touched.run();
        }
    }

    public void close() {
        open.set(false);
        entry.set("");
        error.set("");
    }

    public ReadOnlyBooleanProperty openProperty() {
        return open.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty entryProperty() {
        return entry.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }
}
