package org.queuedesk.desktop.app;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.queuedesk.desktop.ground.Mode;

/**
 * Command-line options: {@code --mode=reception|doctor|kiosk|display|admin}, {@code --server=URL},
 * {@code --lang=en|es|ar}. Unknown values fall back to the start screen rather than refusing to start.
 * Kiosks and displays: {@code --device-token=qdd_…} (or {@code QUEUEDESK_DEVICE_TOKEN}) signs in as the
 * device; {@code --kiosk-pin} (or {@code QUEUEDESK_KIOSK_PIN}, default {@value #DEFAULT_KIOSK_PIN}) lets staff
 * leave the kiosk; {@code --printer=system|none|tcp://host:9100|file:/dev/usb/lp0} (or
 * {@code QUEUEDESK_PRINTER}, default system); {@code --speak=true} reads calls aloud on a display.
 */
public record LaunchOptions(Optional<Mode> mode, String server, Locale locale, List<String> warnings,
                            Optional<String> deviceToken, String kioskPin, String printer, boolean speak) {

    public static final String DEFAULT_SERVER = "http://localhost:7070";
    public static final String DEFAULT_KIOSK_PIN = "2468";
    public static final String DEFAULT_PRINTER = "system";

    public static LaunchOptions from(Map<String, String> named) {
        return from(named, System.getenv());
    }

    /** Flags win over environment variables. */
    public static LaunchOptions from(Map<String, String> named, Map<String, String> environment) {
        List<String> warnings = new ArrayList<>();
        Optional<Mode> mode = Optional.empty();
        String modeArgument = named.get("mode");
        if (modeArgument != null) {
            mode = Mode.fromId(modeArgument);
            if (mode.isEmpty()) {
                warnings.add("Unknown --mode=" + modeArgument + "; showing the start screen");
            }
        }
        String server = named.getOrDefault("server", DEFAULT_SERVER).trim();
        String lang = named.get("lang");
        Locale locale = lang == null || lang.isBlank() ? Locale.getDefault() : Locale.forLanguageTag(lang.trim());
        Optional<String> deviceToken = Optional.ofNullable(named.getOrDefault("device-token",
                environment.get("QUEUEDESK_DEVICE_TOKEN"))).map(String::strip).filter(token -> !token.isEmpty());
        String pin = named.getOrDefault("kiosk-pin", environment.getOrDefault("QUEUEDESK_KIOSK_PIN", DEFAULT_KIOSK_PIN))
                .strip();
        if (!pin.matches("[0-9]{4,12}")) {
            warnings.add("--kiosk-pin must be 4 to 12 digits; using the default");
            pin = DEFAULT_KIOSK_PIN;
        }
        String printer = named.getOrDefault("printer", environment.getOrDefault("QUEUEDESK_PRINTER", DEFAULT_PRINTER))
                .strip();
        boolean speak = Boolean.parseBoolean(named.getOrDefault("speak", "false").strip());
        return new LaunchOptions(mode, server, locale, List.copyOf(warnings), deviceToken, pin, printer, speak);
    }
}
