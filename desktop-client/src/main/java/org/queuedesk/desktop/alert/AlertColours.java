package org.queuedesk.desktop.alert;

import javafx.scene.paint.Color;
import org.queuedesk.common.alert.AlertTier;

/**
 * A tier's banner colours: amber, orange and red backgrounds, each with the text colour that reads on it at
 * WCAG AA contrast (at least 4.5:1; AlertColoursTest measures it).
 */
final class AlertColours {

    private AlertColours() {
    }

    static Color background(AlertTier tier) {
        return switch (tier) {
            case MEDIUM -> Color.web("#FFC107");   // amber
            case HIGH -> Color.web("#FB8C00");     // orange
            case CRITICAL -> Color.web("#B71C1C"); // red
        };
    }

    static Color text(AlertTier tier) {
        return tier == AlertTier.CRITICAL ? Color.WHITE : Color.web("#1A1A1A");
    }

    static String css(Color colour) {
        return String.format("#%02X%02X%02X", Math.round(colour.getRed() * 255), Math.round(colour.getGreen() * 255),
                Math.round(colour.getBlue() * 255));
    }
}
