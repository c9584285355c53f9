package org.queuedesk.common.appointment;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** booked → checked_in (a ticket now waits) | cancelled | missed (nobody checked in by the slot's end + grace). */
public enum AppointmentState {
    BOOKED, CHECKED_IN, CANCELLED, MISSED;

    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static AppointmentState fromWire(String value) {
        return AppointmentState.valueOf(value.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
    }
}
