package org.queuedesk.desktop.ground;

import java.util.Objects;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.Set;
import javafx.geometry.NodeOrientation;
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

    private static final Set<String> RIGHT_TO_LEFT = Set.of("ar", "he", "fa", "ur");

    /** Whether a language is written right to left (its screens are then mirrored). */
    public static boolean isRightToLeft(Locale locale) {
        return locale != null && RIGHT_TO_LEFT.contains(locale.getLanguage());
    }

    /** The orientation of every screen shown in the bundle's language: Arabic mirrors the whole window. */
    public static NodeOrientation orientation(ResourceBundle messages) {
        return isRightToLeft(messages.getLocale()) ? NodeOrientation.RIGHT_TO_LEFT : NodeOrientation.LEFT_TO_RIGHT;
    }

    /** No fallback to the JVM's default locale: asking for English on a Spanish desktop gives English. */
    public static ResourceBundle messages(Locale locale) {
        return ResourceBundle.getBundle(MESSAGES, locale,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }
}
