package org.queuedesk.server.notify;

import java.util.Locale;

/** The messages a patient can get about a ticket, and about an appointment (the {@code APPOINTMENT_} ones). */
public enum SmsKind {
    CONFIRMATION, ALMOST_TURN, YOUR_TURN, TRANSFER, CANCELLED,
    APPOINTMENT_CONFIRMATION, APPOINTMENT_REMINDER, APPOINTMENT_MOVED, APPOINTMENT_CANCELLED;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static SmsKind fromWire(String value) {
        for (var kind : values()) {
            if (kind.wireName().equalsIgnoreCase(value == null ? "" : value.strip())) {
                return kind;
            }
        }
        throw new IllegalArgumentException(value);
    }
}
