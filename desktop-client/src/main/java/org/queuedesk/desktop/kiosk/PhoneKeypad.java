package org.queuedesk.desktop.kiosk;

import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/** The kiosk's phone keypad: digits and a leading '+', as long as a phone number can be, nothing else. */
public final class PhoneKeypad {

    private static final int MAX_PHONE_LENGTH = 16;

    private final Runnable touched;
    private final Runnable typed;
    private final ReadOnlyStringWrapper phone = new ReadOnlyStringWrapper(this, "phone", "");

    /**
     * @param touched each key restarts the idle timer
     * @param typed   a key was typed: the complaint about the last number goes away
     */
    PhoneKeypad(Runnable touched, Runnable typed) {
        this.touched = touched;
        this.typed = typed;
    }

    /** A keypad key: a digit or '+'. */
    public void key(char key) {
        touched.run();
        typed.run();
        String now = phone.get();
        if (now.length() >= MAX_PHONE_LENGTH || !(Character.isDigit(key) || (key == '+' && now.isEmpty()))) {
            return;
        }
        phone.set(now + key);
    }

    public void backspace() {
        touched.run();
        String now = phone.get();
        phone.set(now.isEmpty() ? now : now.substring(0, now.length() - 1));
    }

    void clear() {
        phone.set("");
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

    public ReadOnlyStringProperty phoneProperty() {
        return phone.getReadOnlyProperty();
    }
}
