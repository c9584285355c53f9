package org.queuedesk.desktop.app;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ResourceBundle;
import java.util.logging.Level;
import java.util.logging.Logger;
import javafx.application.Platform;
import javafx.scene.control.Alert;
import javafx.scene.control.TextArea;

/**
 * An exception nobody caught is logged and shown in a dialog (with the details folded away) instead of
 * the app silently misbehaving. Modelled on atlantafx's sampler.
 */
public final class DefaultExceptionHandler implements Thread.UncaughtExceptionHandler {

    private static final Logger LOG = Logger.getLogger(DefaultExceptionHandler.class.getName());

    private final ResourceBundle messages;
    private boolean showing;

    public DefaultExceptionHandler(ResourceBundle messages) {
        this.messages = messages;
    }

    @Override
    public void uncaughtException(Thread thread, Throwable error) {
        LOG.log(Level.SEVERE, "Uncaught exception on " + thread.getName(), error);
        if (Platform.isFxApplicationThread()) {
            show(error);
        } else {
            Platform.runLater(() -> show(error));
        }
    }

    private void show(Throwable error) {
        if (showing) {
            return; // one dialog at a time; the rest is in the log
        }
        showing = true;
        try {
            Alert alert = new Alert(Alert.AlertType.ERROR);
            alert.setTitle(messages.getString("error.dialog.title"));
            alert.setHeaderText(messages.getString("error.dialog.header"));
            alert.setContentText(String.valueOf(error.getMessage()));
            StringWriter trace = new StringWriter();
            error.printStackTrace(new PrintWriter(trace));
            TextArea details = new TextArea(trace.toString());
            details.setEditable(false);
            details.setWrapText(false);
            alert.getDialogPane().setExpandableContent(details);
            alert.showAndWait();
        } catch (RuntimeException dialogFailed) {
            LOG.log(Level.SEVERE, "Could not show the error dialog", dialogFailed);
        } finally {
            showing = false;
        }
    }
}
