package org.queuedesk.desktop.doctor;

import java.util.ResourceBundle;
import java.util.function.Function;
import javafx.application.Platform;
import javafx.collections.MapChangeListener;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.cell.CheckBoxListCell;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.util.Duration;
import org.queuedesk.common.site.RoomDto;
import org.queuedesk.common.site.ServiceDto;
import org.queuedesk.desktop.ground.ConfirmationOverlay;
import org.queuedesk.desktop.ground.ControllerFactory;
import org.queuedesk.desktop.ground.ViewBindings;
import org.queuedesk.desktop.ground.FocusKeeper;
import org.queuedesk.desktop.ground.Fxml;
import org.queuedesk.desktop.ground.SceneKeys;
import org.queuedesk.desktop.ground.Ticker;

/** Controller for {@code Doctor.fxml}: binds, and delegates each action to the view-model in one line. */
public final class DoctorView {

    private final DoctorViewModel viewModel;

    @FXML private javafx.scene.layout.StackPane root;
    @FXML private Node setupPane;
    @FXML private ComboBox<RoomDto> roomBox;
    @FXML private ListView<ServiceChoice> serviceList;
    @FXML private TextField doctorField;
    @FXML private Button openButton;
    @FXML private Label setupError;
    @FXML private Node sessionPane;
    @FXML private Label sessionTitle;
    @FXML private Label currentNumber;
    @FXML private Label currentName;
    @FXML private Label currentDetail;
    @FXML private Button nextButton;
    @FXML private Node patientActions;
    @FXML private Button serveButton;
    @FXML private Button recallButton;
    @FXML private Button noShowButton;
    @FXML private Button doneButton;
    @FXML private Button transferButton;
    @FXML private ComboBox<ServiceDto> transferBox;
    @FXML private CheckBox returnBox;
    @FXML private Button pauseButton;
    @FXML private Button closeButton;
    @FXML private Label actionError;
    @FXML private Label offlineReason;
    @FXML private Label setupOfflineReason;
    @FXML private Label waitingSummary;
    @FXML private TableView<WaitingRow> waitingTable;
    @FXML private TableColumn<WaitingRow, String> waitingNumber;
    @FXML private TableColumn<WaitingRow, String> waitingName;
    @FXML private TableColumn<WaitingRow, String> waitingService;
    @FXML private TableColumn<WaitingRow, String> waitingPriority;
    @FXML private TableColumn<WaitingRow, String> waitingWaited;
    @FXML private TableView<DoctorDay.Row> dayTable;
    @FXML private TableColumn<DoctorDay.Row, String> dayTime;
    @FXML private TableColumn<DoctorDay.Row, String> dayName;
    @FXML private TableColumn<DoctorDay.Row, String> dayState;

    public DoctorView(DoctorViewModel viewModel) {
        this.viewModel = viewModel;
    }

    public static Parent load(DoctorViewModel viewModel, ResourceBundle messages) {
        return Fxml.load(DoctorView.class, "Doctor.fxml", messages,
                new ControllerFactory().register(DoctorView.class, () -> new DoctorView(viewModel)));
    }

    @FXML
    private void initialize() {
        var live = viewModel.live();
        setupPane.visibleProperty().bind(viewModel.sessionOpenProperty().not());
        setupPane.managedProperty().bind(setupPane.visibleProperty());
        sessionPane.visibleProperty().bind(viewModel.sessionOpenProperty());
        sessionPane.managedProperty().bind(sessionPane.visibleProperty());

        roomBox.setItems(viewModel.setup().rooms());
        roomBox.valueProperty().bindBidirectional(viewModel.setup().roomProperty());
        showRoomWords();
        // who is in which room changes live: the chooser's words with it
        viewModel.setup().occupancy().roomSessions().addListener((MapChangeListener<Long, Object>) change -> showRoomWords());
        serviceList.setItems(viewModel.setup().serviceChoices());
        serviceList.setCellFactory(CheckBoxListCell.forListView(ServiceChoice::chosenProperty));
        // Space on the highlighted row ticks its box: CheckBoxListCell leaves that to the box alone (Tab into it),
        // and a doctor moving with the arrows "ticked" services that stayed unticked (session 8). Only on the list
        // itself: a Space on the box is the box's own.
        serviceList.addEventHandler(KeyEvent.KEY_PRESSED, event -> {
            ServiceChoice highlighted = serviceList.getSelectionModel().getSelectedItem();
            if (event.getCode() == KeyCode.SPACE && event.getTarget() == serviceList && highlighted != null) {
                highlighted.chosenProperty().set(!highlighted.chosenProperty().get());
                event.consume();
            }
        });
        doctorField.textProperty().bindBidirectional(viewModel.setup().doctorNameProperty());
        // a doctor's session is always in their own name (the server refuses another): only an admin may type one
        doctorField.setEditable(viewModel.setup().mayNameTheDoctor());
        doctorField.setFocusTraversable(viewModel.setup().mayNameTheDoctor());
        openButton.disableProperty().bind(viewModel.setup().canOpenProperty().not());
        // Enter belongs to the pane on screen: Open session while choosing, Next during the session
        openButton.defaultButtonProperty().bind(setupPane.visibleProperty());
        nextButton.defaultButtonProperty().bind(sessionPane.visibleProperty());
        ViewBindings.message(setupError, viewModel.setup().errorProperty());
        ViewBindings.message(setupOfflineReason, live.offlineReasonProperty());

        sessionTitle.textProperty().bind(viewModel.sessionTitleProperty());
        currentNumber.textProperty().bind(viewModel.currentNumberProperty());
        currentName.textProperty().bind(viewModel.currentNameProperty());
        currentDetail.textProperty().bind(viewModel.currentDetailProperty());
        nextButton.disableProperty().bind(viewModel.patients().canNextProperty().not());
        patientActions.disableProperty().bind(viewModel.canActProperty().not().or(viewModel.hasCurrentProperty().not()));
        // each button only where the current patient's state allows it (README lifecycle)
        serveButton.disableProperty().bind(viewModel.patients().canServeProperty().not());
        recallButton.disableProperty().bind(viewModel.patients().canRecallProperty().not());
        noShowButton.disableProperty().bind(viewModel.patients().canNoShowProperty().not());
        doneButton.disableProperty().bind(viewModel.patients().canDoneProperty().not());
        transferButton.disableProperty().bind(viewModel.patients().canTransferProperty().not());
        transferBox.setItems(viewModel.services());
        transferBox.valueProperty().bindBidirectional(viewModel.patients().transferForm().targetProperty());
        transferBox.setButtonCell(new NamedCell<>(s -> s.prefix() + " \u00b7 " + s.name()));
        transferBox.setCellFactory(list -> new NamedCell<>(s -> s.prefix() + " \u00b7 " + s.name()));
        returnBox.selectedProperty().bindBidirectional(viewModel.patients().transferForm().returnsProperty());
        pauseButton.disableProperty().bind(viewModel.canActProperty().not());
        closeButton.disableProperty().bind(viewModel.canActProperty().not());
        var messages = resourcesOf();
        pauseButton.textProperty().bind(javafx.beans.binding.Bindings.when(viewModel.pausedProperty())
                .then(messages.getString("doctor.action.resume")).otherwise(messages.getString("doctor.action.pause")));
        ViewBindings.message(actionError, viewModel.patients().errorProperty());
        ViewBindings.message(offlineReason, live.offlineReasonProperty());

        waitingSummary.textProperty().bind(viewModel.waitingSummaryProperty());
        waitingTable.setItems(viewModel.waiting());
        ViewBindings.column(waitingNumber, WaitingRow::number);
        ViewBindings.column(waitingName, WaitingRow::name);
        ViewBindings.column(waitingService, WaitingRow::service);
        ViewBindings.column(waitingPriority, WaitingRow::priority);
        ViewBindings.column(waitingWaited, WaitingRow::waited);
        javafx.css.PseudoClass late = javafx.css.PseudoClass.getPseudoClass("late-check-in");
        waitingTable.setRowFactory(table -> new javafx.scene.control.TableRow<>() {
            @Override
            protected void updateItem(WaitingRow item, boolean empty) {
                super.updateItem(item, empty);
                pseudoClassStateChanged(late, !empty && item != null && item.lateCheckIn());
            }
        });
        dayTable.setItems(viewModel.day().rows());
        ViewBindings.column(dayTime, DoctorDay.Row::time);
        ViewBindings.column(dayName, DoctorDay.Row::name);
        ViewBindings.column(dayState, DoctorDay.Row::state);

        SceneKeys.whileShown(root, this::space);
        FocusKeeper.keep(nextButton);
        // a session opened or resumed starts with the keyboard on Next, not on whatever comes first (Pause)
        viewModel.sessionOpenProperty().addListener((o, before, open) -> {
            if (open) {
                Platform.runLater(nextButton::requestFocus);
            }
        });
        // after each answer, the focus goes back to Next so Space and Enter keep working
        viewModel.inFlightProperty().addListener((o, before, now) -> {
            if (!now) {
                Platform.runLater(nextButton::requestFocus);
            }
        });
        Ticker.whileShown(root, Duration.seconds(15), viewModel::tick);
        root.getChildren().add(ConfirmationOverlay.create(viewModel.confirmation()));
    }

    private void showRoomWords() {
        roomBox.setButtonCell(new NamedCell<>(viewModel.setup().occupancy()::roomLabel));
        roomBox.setCellFactory(list -> new NamedCell<>(viewModel.setup().occupancy()::roomLabel));
    }

    private ResourceBundle resourcesOf() {
        return resources;
    }

    @FXML private ResourceBundle resources;

    private void space(KeyEvent event) {
        Object focused = root.getScene() == null ? null : root.getScene().getFocusOwner();
        if (event.getCode() == KeyCode.SPACE && !(focused instanceof TextInputControl) && !(focused instanceof ButtonBase)
                && viewModel.sessionOpenProperty().get() && !viewModel.confirmation().isPending()) {
            event.consume();
            viewModel.patients().next();
        }
    }



    @FXML
    private void openSession() {
        viewModel.setup().openSession();
    }

    @FXML
    private void next() {
        viewModel.patients().next();
    }

    @FXML
    private void recall() {
        viewModel.patients().recall();
    }

    @FXML
    private void serve() {
        viewModel.patients().serve();
    }

    @FXML
    private void noShow() {
        viewModel.patients().noShow();
    }

    @FXML
    private void done() {
        viewModel.patients().done();
    }

    @FXML
    private void transfer() {
        viewModel.patients().transfer();
    }

    @FXML
    private void togglePause() {
        viewModel.togglePause();
    }

    @FXML
    private void closeSession() {
        viewModel.closeSession();
    }

    static final class NamedCell<T> extends ListCell<T> {
        private final Function<T, String> name;

        NamedCell(Function<T, String> name) {
            this.name = name;
        }

        @Override
        protected void updateItem(T item, boolean empty) {
            super.updateItem(item, empty);
            setText(empty || item == null ? null : name.apply(item));
        }
    }
}
