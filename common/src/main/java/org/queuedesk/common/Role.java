package org.queuedesk.common;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** Who may call a route. Kiosks and displays are devices; PUBLIC needs no sign-in at all. */
public enum Role {
    ADMIN, RECEPTIONIST, DOCTOR, KIOSK, DISPLAY, PUBLIC;

    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static Role fromWire(String value) {
        return Role.valueOf(value.trim().toUpperCase(Locale.ROOT));
    }
}
