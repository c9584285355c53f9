package org.queuedesk.common.appointment;

/**
 * A site's appointment settings: {@code graceMinutes}, how late (after the slot's start) a patient may check in
 * and keep the slot's place in the queue, and how long after the slot's end a booking nobody checked in is
 * missed (0–240; default 15); {@code reminderTime}, the local time ({@code HH:MM}) of the text reminder sent the
 * day before the slot (default 18:00); {@code reminderMinutesBefore}, a second reminder that many minutes before
 * the slot (5–1440; null: none, the default).
 */
public record AppointmentSettingsDto(Integer graceMinutes, String reminderTime, Integer reminderMinutesBefore) {

    /** Only the grace period: reminders at their defaults. */
    public AppointmentSettingsDto(Integer graceMinutes) {
        this(graceMinutes, null, null);
    }
}
