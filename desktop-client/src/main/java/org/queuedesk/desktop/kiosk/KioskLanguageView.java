package org.queuedesk.desktop.kiosk;

import java.util.Locale;
import javafx.fxml.FXML;
import javafx.geometry.NodeOrientation;
import javafx.scene.control.Button;
import javafx.scene.layout.VBox;

/** Controller for {@code KioskLanguage.fxml}: one big button per language, each named in its own language. */
public final class KioskLanguageView {

    private final KioskViewModel viewModel;

    @FXML private VBox languageButtons;

    public KioskLanguageView(KioskViewModel viewModel) {
        this.viewModel = viewModel;
    }

    @FXML
    private void initialize() {
        for (Locale language : viewModel.texts().languages()) {
            Button button = new Button(viewModel.texts().nameOf(language));
            button.setId("language-" + language.getLanguage());
            button.getStyleClass().add("kiosk-choice");
            button.setMaxWidth(Double.MAX_VALUE);
            // each name reads in its own direction, whatever the screen's
            button.setNodeOrientation("ar".equals(language.getLanguage()) ? NodeOrientation.RIGHT_TO_LEFT
                    : NodeOrientation.LEFT_TO_RIGHT);
            button.setOnAction(event -> viewModel.flow().chooseLanguage(language));
            languageButtons.getChildren().add(button);
        }
    }

    @FXML
    private void toggleContrast() {
        viewModel.flow().toggleHighContrast();
    }
}
