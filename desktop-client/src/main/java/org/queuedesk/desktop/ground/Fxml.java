package org.queuedesk.desktop.ground;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ResourceBundle;
import javafx.fxml.FXMLLoader;
import javafx.scene.Parent;
import org.queuedesk.desktop.ground.Theme;

/** Loads a screen's FXML from the same path as its view class, with its controller from the factory. */
public final class Fxml {

    private Fxml() {
    }

    public static Parent load(Class<?> view, String file, ResourceBundle messages, ControllerFactory controllers) {
        FXMLLoader loader = new FXMLLoader(view.getResource(file), messages);
        loader.setControllerFactory(controllers);
        try {
            Parent root = loader.load();
            if (Theme.isRightToLeft(messages.getLocale())) {
                WordWrapLabelSkin.applyToWrappedLabels(root);
            }
            return root;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot load " + file, e);
        }
    }
}
