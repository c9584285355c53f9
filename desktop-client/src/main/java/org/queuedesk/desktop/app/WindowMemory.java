package org.queuedesk.desktop.app;

import java.util.prefs.Preferences;
import javafx.stage.Screen;
import javafx.stage.Stage;

/** Remembers the desk window's size and place per user of this computer (java.util.prefs). */
public final class WindowMemory {

    private static final String KEY = "deskWindow";

    private final Preferences node;

    private WindowMemory(Preferences node) {
        this.node = node;
    }

    public static WindowMemory userPreferences() {
        return new WindowMemory(Preferences.userNodeForPackage(WindowMemory.class));
    }

    /** Opens {@code stage} where it was last time, or maximised on the first run (not at the scene's 1366×768). */
    public void restore(Stage stage) {
        var screens = Screen.getScreens().stream().map(Screen::getVisualBounds).toList();
        var primary = Screen.getPrimary().getVisualBounds();
        var ordered = new java.util.ArrayList<>(screens);
        ordered.remove(primary);
        ordered.add(0, primary);
        WindowPlacement place = WindowPlacement.choose(WindowPlacement.decode(node.get(KEY, null)), ordered);
        stage.setX(place.x());
        stage.setY(place.y());
        stage.setWidth(place.width());
        stage.setHeight(place.height());
        stage.setMaximized(place.maximized());
    }

    /** Keeps the size and place the user left the window at. */
    public void remember(Stage stage) {
        if (stage.isFullScreen() || stage.getWidth() <= 0) {
            return;
        }
        node.put(KEY, new WindowPlacement(stage.getX(), stage.getY(), stage.getWidth(), stage.getHeight(),
                stage.isMaximized()).encode());
    }
}
