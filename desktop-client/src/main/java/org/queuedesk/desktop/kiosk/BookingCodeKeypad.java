package org.queuedesk.desktop.kiosk;

import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * The kiosk's keyboard for booking codes: only the code alphabet's 20 characters (README, "Appointments": no
 * look-alikes such as 0/O, 1/I, 5/S), at most six of them, so a patient cannot type a code that cannot exist.
 */
public final class BookingCodeKeypad {

    /** The server's booking-code alphabet, in the order the keys show it. */
    public static final String ALPHABET = "34679ACEFGHJKMNPRTXY";
    public static final int LENGTH = 6;

    private final Runnable touched;
    private final Runnable typed;
    private final ReadOnlyStringWrapper code = new ReadOnlyStringWrapper(this, "code", "");

    /**
     * @param touched each key restarts the idle timer
     * @param typed   a key was typed: the complaint about the last code goes away
     */
    BookingCodeKeypad(Runnable touched, Runnable typed) {
        this.touched = touched;
        this.typed = typed;
    }

    /** A key: one of the alphabet's characters (either case); anything else, or a seventh, is ignored. */
    public void key(char key) {
        touched.run();
        typed.run();
        char upper = Character.toUpperCase(key);
        if (code.get().length() >= LENGTH || ALPHABET.indexOf(upper) < 0) {
            return;
        }
        code.set(code.get() + upper);
    }

    public void backspace() {
        touched.run();
        typed.run();
        String now = code.get();
        code.set(now.isEmpty() ? now : now.substring(0, now.length() - 1));
    }

    boolean complete() {
        return code.get().length() == LENGTH;
    }

    void clear() {
        code.set("");
    }

    public ReadOnlyStringProperty codeProperty() {
        return code.getReadOnlyProperty();
    }
}
