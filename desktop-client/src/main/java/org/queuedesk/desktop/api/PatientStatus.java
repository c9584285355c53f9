package org.queuedesk.desktop.api;

/**
 * What the patient's status page knows of a ticket (the public {@code /t/{token}/status}, fields a kiosk
 * needs): {@code position} 1 means next; the wait (estimate {@code waitMinutes}, range min-max) is null while
 * the server has no estimate.
 */
public record PatientStatus(String number, String state, Integer position, Integer waitMinMinutes,
                            Integer waitMaxMinutes, Integer waitMinutes) {
}
