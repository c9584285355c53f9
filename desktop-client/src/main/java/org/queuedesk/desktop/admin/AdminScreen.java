package org.queuedesk.desktop.admin;

/** The management screens, in the order of the list on the left. */
public enum AdminScreen {
    SERVICES, ROOMS, SCHEDULES, USERS, DEVICES, SETTINGS, AUDIT;

    /** Its name in the messages: {@code admin.screen.services}. */
    public String messageKey() {
        return "admin.screen." + name().toLowerCase(java.util.Locale.ROOT);
    }
}
