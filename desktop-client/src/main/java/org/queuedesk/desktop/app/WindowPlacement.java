package org.queuedesk.desktop.app;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javafx.geometry.Rectangle2D;

/**
 * Where the desk window opens: where it was last time when that still fits on a screen (a laptop may have left
 * its big monitor behind), otherwise maximised. Plain values, so the decision is tested without a window.
 */
public record WindowPlacement(double x, double y, double width, double height, boolean maximized) {

    /** Below this the desk layout does not fit; smaller remembered sizes are taken as a mistake. */
    static final double MIN_WIDTH = 1024;
    static final double MIN_HEIGHT = 640;

    /** The window to open, from the remembered one and the screens' usable areas (primary first). */
    public static WindowPlacement choose(Optional<WindowPlacement> remembered, List<Rectangle2D> screens) {
        Rectangle2D primary = screens.get(0);
        return remembered
                .filter(w -> w.width() >= MIN_WIDTH && w.height() >= MIN_HEIGHT)
                .filter(w -> screens.stream().anyMatch(s -> s.contains(w.x() + w.width() / 2, w.y() + 20)))
                .orElseGet(() -> new WindowPlacement(primary.getMinX(), primary.getMinY(), primary.getWidth(),
                        primary.getHeight(), true));
    }

    String encode() {
        return String.format(Locale.ROOT, "%.0f,%.0f,%.0f,%.0f,%b", x, y, width, height, maximized);
    }

    static Optional<WindowPlacement> decode(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String[] parts = text.split(",");
        try {
            return parts.length != 5 ? Optional.empty() : Optional.of(new WindowPlacement(Double.parseDouble(parts[0]),
                    Double.parseDouble(parts[1]), Double.parseDouble(parts[2]), Double.parseDouble(parts[3]),
                    Boolean.parseBoolean(parts[4])));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
