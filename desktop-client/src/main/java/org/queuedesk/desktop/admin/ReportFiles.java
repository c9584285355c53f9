package org.queuedesk.desktop.admin;

import java.io.File;
import java.nio.file.Path;
import java.util.Optional;
import java.util.ResourceBundle;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/**
 * Where an exported report goes: the system's save dialog in the app, a path of the test's own in TestFX tests
 * (a native dialog cannot be driven headless).
 */
@FunctionalInterface
public interface ReportFiles {

    /** The file to write, or empty when the person cancelled. Called on the FX thread. */
    Optional<Path> saveAs(Window owner, String suggestedName);

    /** The system's "Save as" dialog for CSV files. */
    static ReportFiles fileChooser(ResourceBundle messages) {
        return (owner, suggestedName) -> {
            FileChooser chooser = new FileChooser();
            chooser.setTitle(messages.getString("admin.reports.exportTitle"));
            chooser.setInitialFileName(suggestedName);
            chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(
                    messages.getString("admin.reports.csvFiles"), "*.csv"));
            File chosen = chooser.showSaveDialog(owner);
            return Optional.ofNullable(chosen).map(File::toPath);
        };
    }
}
