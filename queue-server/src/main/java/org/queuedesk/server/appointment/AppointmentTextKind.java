package org.queuedesk.server.appointment;

import java.util.Locale;
import org.queuedesk.server.ground.Port;

/** The text messages a booking sends: on booking, before its slot, when moved and when cancelled. */
@Port
public enum AppointmentTextKind {
    CONFIRMATION, REMINDER, MOVED, CANCELLED;

    /** The outbox's kind of message ({@code appointment_reminder}), overridable per service like tickets' texts. */
    public String wireName() {
        return "appointment_" + name().toLowerCase(Locale.ROOT);
    }
}
