package org.queuedesk.desktop.app;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Command-line options: {@code --mode=reception|doctor|kiosk|display}, {@code --server=URL},
 * {@code --lang=en|es}. Unknown values fall back to the start screen rather than refusing to start.
 */
public record LaunchOptions(Optional<Mode> mode, String server, Locale locale, List<String> warnings) {

    public static final String DEFAULT_SERVER = "http://localhost:7070";

    public static LaunchOptions from(Map<String, String> named) {
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
        return new LaunchOptions(mode, server, locale, List.copyOf(warnings));
    }
}
