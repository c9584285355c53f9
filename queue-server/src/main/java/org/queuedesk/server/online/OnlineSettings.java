package org.queuedesk.server.online;

import java.time.Duration;
import java.util.function.BinaryOperator;

/**
 * The abuse limits of the patients' own-phone pages (README, "Patients online"), from flags or environment:
 * {@code --online-codes-per-phone-per-hour} (3), {@code --online-codes-per-address-per-hour} (10),
 * {@code --online-tickets-per-phone-per-day} (2), {@code --online-tries-per-address-per-hour} (20: code
 * checks from one client address, right or wrong), {@code --online-bookings-per-phone-per-day} (2) and
 * {@code --online-bookings-per-address-per-day} (10: appointments booked online per 24 hours). A code is also a text message: the SMS limit per phone
 * per day ({@code --sms-max-per-phone-per-day}) caps codes to one number per day as well. A code lives
 * {@link #CODE_LIFETIME} and dies after {@link #MAX_WRONG_TRIES} wrong tries: those are the rule,
 * not settings.
 */
public record OnlineSettings(int codesPerPhonePerHour, int codesPerAddressPerHour, int ticketsPerPhonePerDay,
                             int triesPerAddressPerHour, int bookingsPerPhonePerDay, int bookingsPerAddressPerDay) {

    public static final Duration CODE_LIFETIME = Duration.ofMinutes(10);
    public static final int MAX_WRONG_TRIES = 5;

    public static OnlineSettings defaults() {
        return new OnlineSettings(3, 10, 2, 20, 2, 10);
    }

    /** {@code setting.apply(name, fallback)} reads one flag or environment variable. */
    public static OnlineSettings from(BinaryOperator<String> setting) {
        var d = defaults();
        return new OnlineSettings(
                number(setting, "online-codes-per-phone-per-hour", d.codesPerPhonePerHour()),
                number(setting, "online-codes-per-address-per-hour", d.codesPerAddressPerHour()),
                number(setting, "online-tickets-per-phone-per-day", d.ticketsPerPhonePerDay()),
                number(setting, "online-tries-per-address-per-hour", d.triesPerAddressPerHour()),
                number(setting, "online-bookings-per-phone-per-day", d.bookingsPerPhonePerDay()),
                number(setting, "online-bookings-per-address-per-day", d.bookingsPerAddressPerDay()));
    }

    private static int number(BinaryOperator<String> setting, String flag, int fallback) {
        String value = setting.apply(flag, Integer.toString(fallback));
        try {
            int n = Integer.parseInt(value.strip());
            if (n < 0) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + flag + " must be a whole number of 0 or more, not '" + value + "'");
        }
    }
}
