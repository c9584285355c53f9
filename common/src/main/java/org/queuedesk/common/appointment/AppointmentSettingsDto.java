package org.queuedesk.common.appointment;

/**
 * A site's appointment settings: {@code graceMinutes}, how late (after the slot's start) a patient may check in
 * and keep the slot's place in the queue, and how long after the slot's end a booking nobody checked in is
 * missed (0–240; default 15).
 */
public record AppointmentSettingsDto(Integer graceMinutes) {
}
