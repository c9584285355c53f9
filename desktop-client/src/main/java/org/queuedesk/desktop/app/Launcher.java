package org.queuedesk.desktop.app;

import javafx.application.Application;

/**
 * Plain main class. The JDK refuses to start an {@code Application} subclass directly when JavaFX is
 * on the classpath instead of the module path ("JavaFX runtime components are missing"); starting
 * through this class makes {@code java -cp ... Launcher} and jpackage's classpath launch work.
 */
public final class Launcher {

    private Launcher() {
    }

    public static void main(String[] args) {
        Application.launch(QueueDeskApp.class, args);
    }
}
