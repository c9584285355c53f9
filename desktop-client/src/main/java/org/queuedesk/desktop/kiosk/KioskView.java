package org.queuedesk.desktop.kiosk;

import java.util.ResourceBundle;
import javafx.css.PseudoClass;
import javafx.fxml.FXML;
import javafx.geometry.NodeOrientation;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.TouchEvent;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.queuedesk.desktop.ground.ControllerFactory;
import org.queuedesk.desktop.ground.Fxml;
import org.queuedesk.desktop.ground.SceneKeys;

/**
 * Controller for {@code Kiosk.fxml}: the kiosk's frame. Shows the current step's screen (loaded with the
 * patient's language, mirrored for right-to-left languages), the outage notice and the staff PIN pad; every
 * touch restarts the idle timer; Escape and Alt+F4 do nothing; Ctrl+Shift+K opens the PIN pad.
 */
public final class KioskView {

    private static final PseudoClass HIGH_CONTRAST = PseudoClass.getPseudoClass("high-contrast");

    private final KioskViewModel viewModel;
    private Parent root;

    @FXML private StackPane kioskRoot;
    @FXML private StackPane stepHolder;
    @FXML private VBox outageOverlay;
    @FXML private Label outageLabel;
    @FXML private VBox pinOverlay;
    @FXML private Label pinDots;
    @FXML private Label pinError;
    @FXML private Region staffCorner;

    public KioskView(KioskViewModel viewModel) {
        this.viewModel = viewModel;
    }

    public static KioskView load(KioskViewModel viewModel, ResourceBundle messages) {
        KioskView view = new KioskView(viewModel);
        view.root = Fxml.load(KioskView.class, "Kiosk.fxml", messages,
                new ControllerFactory().register(KioskView.class, () -> view));
        return view;
    }

    public Parent root() {
        return root;
    }

    public KioskViewModel viewModel() {
        return viewModel;
    }

    @FXML
    private void initialize() {
        outageOverlay.visibleProperty().bind(javafx.beans.binding.Bindings.createBooleanBinding(
                () -> viewModel.outageProperty().get(), viewModel.outageProperty()));
        outageLabel.textProperty().bind(viewModel.texts().outageTextProperty());
        pinOverlay.visibleProperty().bind(viewModel.pinLock().openProperty());
        pinDots.textProperty().bind(viewModel.pinLock().entryProperty().map(entry -> "\u25cf".repeat(entry.length())));
        pinError.textProperty().bind(viewModel.pinLock().errorProperty());
        staffCorner.setOnMouseClicked(event -> viewModel.pinLock().cornerTapped());
        kioskRoot.pseudoClassStateChanged(HIGH_CONTRAST, viewModel.flow().highContrastProperty().get());
        viewModel.flow().highContrastProperty().addListener((o, was, now) -> kioskRoot.pseudoClassStateChanged(HIGH_CONTRAST, now));
        kioskRoot.addEventFilter(MouseEvent.MOUSE_PRESSED, event -> viewModel.touched());
        kioskRoot.addEventFilter(TouchEvent.TOUCH_PRESSED, event -> viewModel.touched());
        SceneKeys.whileShown(kioskRoot, this::keyPressed);
        viewModel.flow().stepProperty().addListener((o, was, now) -> showStep());
        viewModel.texts().languageProperty().addListener((o, was, now) -> showStep());
        showStep();
    }

    private void keyPressed(KeyEvent event) {
        if (event.getCode() == KeyCode.ESCAPE || (event.getCode() == KeyCode.F4 && event.isAltDown())) {
            event.consume();
        } else if (event.getCode() == KeyCode.K && event.isShortcutDown() && event.isShiftDown()) {
            event.consume();
            viewModel.pinLock().open();
        } else {
            viewModel.touched();
        }
    }

    private void showStep() {
        ResourceBundle messages = viewModel.texts().messages();
        ControllerFactory controllers = new ControllerFactory()
                .register(KioskLanguageView.class, () -> new KioskLanguageView(viewModel))
                .register(KioskServiceView.class, () -> new KioskServiceView(viewModel))
                .register(KioskDeliveryView.class, () -> new KioskDeliveryView(viewModel))
                .register(KioskPhoneView.class, () -> new KioskPhoneView(viewModel))
                .register(KioskDoneView.class, () -> new KioskDoneView(viewModel))
                .register(KioskNumberView.class, () -> new KioskNumberView(viewModel))
                .register(KioskAppointmentView.class, () -> new KioskAppointmentView(viewModel));
        Parent screen = switch (viewModel.flow().getStep()) {
            case LANGUAGE -> Fxml.load(KioskLanguageView.class, "KioskLanguage.fxml", messages, controllers);
            case SERVICE -> Fxml.load(KioskServiceView.class, "KioskService.fxml", messages, controllers);
            case DELIVERY -> Fxml.load(KioskDeliveryView.class, "KioskDelivery.fxml", messages, controllers);
            case PHONE -> Fxml.load(KioskPhoneView.class, "KioskPhone.fxml", messages, controllers);
            case DONE -> Fxml.load(KioskDoneView.class, "KioskDone.fxml", messages, controllers);
            case NUMBER -> Fxml.load(KioskNumberView.class, "KioskNumber.fxml", messages, controllers);
            case APPOINTMENT -> Fxml.load(KioskAppointmentView.class, "KioskAppointment.fxml", messages, controllers);
        };
        kioskRoot.setNodeOrientation(viewModel.texts().isRightToLeft() ? NodeOrientation.RIGHT_TO_LEFT
                : NodeOrientation.LEFT_TO_RIGHT);
        stepHolder.getChildren().setAll(screen);
    }

    @FXML
    private void pinKey(javafx.event.ActionEvent event) {
        viewModel.pinLock().key(((javafx.scene.control.Button) event.getSource()).getText().charAt(0));
    }

    @FXML
    private void pinBackspace() {
        viewModel.pinLock().backspace();
    }

    @FXML
    private void pinSubmit() {
        viewModel.pinLock().submit();
    }

    @FXML
    private void pinCancel() {
        viewModel.pinLock().close();
    }
}
