package org.queuedesk.desktop.admin;

/** The admin screens, in the order of the list on the left: today's dashboard first, then reports. */
public enum AdminScreen {
    DASHBOARD, REPORTS, SERVICES, ROOMS, SCHEDULES, USERS, DEVICES, SETTINGS, ALERTS, AUDIT;

    /** Its name in the messages: {@code admin.screen.services}. */
    public String messageKey() {
        return "admin.screen." + name().toLowerCase(java.util.Locale.ROOT);
    }
}
