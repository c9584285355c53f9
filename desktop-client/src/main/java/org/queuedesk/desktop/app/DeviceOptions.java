package org.queuedesk.desktop.app;

import java.time.Duration;
import java.util.Locale;

/**
 * How this computer behaves as a kiosk or display: the staff PIN, the printer (see
 * {@code TicketPrinters.from}), spoken calls, and the kiosk's idle and confirmation times (tests shorten them).
 */
public record DeviceOptions(String kioskPin, String printer, boolean speak, Locale displayLanguage,
                            Duration kioskIdle, Duration kioskConfirmation) {

    public static DeviceOptions from(LaunchOptions options) {
        return new DeviceOptions(options.kioskPin(), options.printer(), options.speak(), options.locale(),
                Duration.ofSeconds(45), Duration.ofSeconds(10));
    }

    public static DeviceOptions defaults() {
        return new DeviceOptions(LaunchOptions.DEFAULT_KIOSK_PIN, LaunchOptions.DEFAULT_PRINTER, false, Locale.ENGLISH,
                Duration.ofSeconds(45), Duration.ofSeconds(10));
    }
}
