package org.queuedesk.common.appointment;

/**
 * A patient checking in at a kiosk: their booking code ({@code 7KX4PA}; any case, spaces and dashes ignored) or
 * the phone number the booking was made with. Exactly one of the two.
 */
public record KioskCheckInRequest(String code, String phone) {
}
