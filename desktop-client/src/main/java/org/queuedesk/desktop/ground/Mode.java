package org.queuedesk.desktop.ground;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** How this computer is used; chosen on the start screen or by {@code --mode=...}. */
public enum Mode {
    RECEPTION,
    DOCTOR,
    KIOSK,
    DISPLAY,
    /** Management screens (services, rooms, schedules, staff, devices, settings, audit): admins only. */
    ADMIN;

    /** The value used on the command line and in message keys, e.g. {@code kiosk}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public String messageKey() {
        return "mode." + id();
    }

    /** Kiosks and waiting-room displays take the whole screen. */
    public boolean fullScreen() {
        return this == KIOSK || this == DISPLAY;
    }

    public static Optional<Mode> fromId(String id) {
        if (id == null) {
            return Optional.empty();
        }
        String wanted = id.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(mode -> mode.id().equals(wanted)).findFirst();
    }
}
