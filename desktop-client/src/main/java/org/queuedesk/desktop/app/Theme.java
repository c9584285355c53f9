package org.queuedesk.desktop.app;

import java.util.Objects;
import java.util.Locale;
import java.util.ResourceBundle;
import javafx.scene.Scene;

/** The one stylesheet and the message bundle, applied the same way by the app and its UI tests. */
public final class Theme {

    public static final String MESSAGES = "org.queuedesk.desktop.messages";

    private Theme() {
    }

    public static void apply(Scene scene) {
        String css = Objects.requireNonNull(Theme.class.getResource("queuedesk.css"), "queuedesk.css").toExternalForm();
        scene.getStylesheets().add(css);
    }

    /** No fallback to the JVM's default locale: asking for English on a Spanish desktop gives English. */
    public static ResourceBundle messages(Locale locale) {
        return ResourceBundle.getBundle(MESSAGES, locale,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }
}
