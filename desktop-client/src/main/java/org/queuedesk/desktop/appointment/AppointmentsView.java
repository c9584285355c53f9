package org.queuedesk.desktop.appointment;

import java.util.ResourceBundle;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.css.PseudoClass;
import javafx.event.ActionEvent;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.StackPane;
import org.queuedesk.common.appointment.SlotDto;
import org.queuedesk.common.site.ServiceDto;
import org.queuedesk.desktop.ground.BidiText;
import org.queuedesk.desktop.ground.ConfirmationOverlay;
import org.queuedesk.desktop.ground.ControllerFactory;
import org.queuedesk.desktop.ground.Fxml;
import org.queuedesk.desktop.ground.SceneKeys;
import org.queuedesk.desktop.ground.ViewBindings;

/** Controller for {@code Appointments.fxml}: binds, and delegates each action to the view-model in one line. */
public final class AppointmentsView {

    private static final PseudoClass FREE = PseudoClass.getPseudoClass("free");
    private static final PseudoClass MISSED = PseudoClass.getPseudoClass("missed");
    private static final PseudoClass CHECKED_IN = PseudoClass.getPseudoClass("checked-in");

    private final AppointmentsViewModel viewModel;

    @FXML private StackPane appointmentsRoot;
    @FXML private Button previousDayButton;
    @FXML private Button todayButton;
    @FXML private Button nextDayButton;
    @FXML private Label dayTitle;
    @FXML private ComboBox<String> doctorFilter;
    @FXML private TextField searchField;
    @FXML private TableView<AppointmentRow> appointmentTable;
    @FXML private TableColumn<AppointmentRow, String> timeColumn;
    @FXML private TableColumn<AppointmentRow, String> doctorColumn;
    @FXML private TableColumn<AppointmentRow, String> stateColumn;
    @FXML private TableColumn<AppointmentRow, String> nameColumn;
    @FXML private TableColumn<AppointmentRow, String> phoneColumn;
    @FXML private TableColumn<AppointmentRow, String> codeColumn;
    @FXML private TableColumn<AppointmentRow, String> serviceColumn;
    @FXML private Button checkInButton;
    @FXML private Button moveButton;
    @FXML private Button cancelBookingButton;
    @FXML private Label appointmentError;
    @FXML private Label appointmentInfo;
    @FXML private Label appointmentsOfflineReason;
    @FXML private Label formTitle;
    @FXML private Label movingDetail;
    @FXML private ComboBox<ServiceDto> serviceBox;
    @FXML private ComboBox<String> doctorBox;
    @FXML private DatePicker dayPicker;
    @FXML private ListView<SlotDto> slotList;
    @FXML private Label slotsNote;
    @FXML private GridPane patientGrid;
    @FXML private TextField bookingNameField;
    @FXML private TextField bookingPhoneField;
    @FXML private ComboBox<String> languageBox;
    @FXML private Button submitBookingButton;
    @FXML private Button backButton;
    @FXML private Label bookingError;
    @FXML private ResourceBundle resources;

    public AppointmentsView(AppointmentsViewModel viewModel) {
        this.viewModel = viewModel;
    }

    public static Parent load(AppointmentsViewModel viewModel, ResourceBundle messages) {
        return Fxml.load(AppointmentsView.class, "Appointments.fxml", messages,
                new ControllerFactory().register(AppointmentsView.class, () -> new AppointmentsView(viewModel)));
    }

    @FXML
    private void initialize() {
        var form = viewModel.form();
        SceneKeys.whileShown(appointmentsRoot, event -> {
            if (event.getCode() == KeyCode.ESCAPE && viewModel.confirmation().isPending()) {
                event.consume();
                viewModel.confirmation().dismiss();
            }
        });
        dayTitle.textProperty().bind(viewModel.dayTitleProperty());
        doctorFilter.setItems(viewModel.doctors());
        doctorFilter.valueProperty().bindBidirectional(viewModel.doctorProperty());
        Function<String, String> allDoctors = name -> name == null || name.isEmpty()
                ? resources.getString("appointments.doctor.all") : name;
        doctorFilter.setButtonCell(new NamedCell<>(allDoctors));
        doctorFilter.setCellFactory(list -> new NamedCell<>(allDoctors));
        searchField.textProperty().bindBidirectional(viewModel.searchProperty());
        ViewBindings.message(appointmentError, viewModel.errorProperty());

        appointmentTable.setItems(viewModel.rows());
        ViewBindings.column(timeColumn, AppointmentRow::time);
        ViewBindings.column(doctorColumn, AppointmentRow::doctor);
        ViewBindings.column(stateColumn, AppointmentRow::state);
        ViewBindings.column(nameColumn, AppointmentRow::name);
        // a masked phone and a code stay left to right inside Arabic
        ViewBindings.column(phoneColumn, r -> BidiText.leftToRight(r.phone()));
        ViewBindings.column(codeColumn, r -> BidiText.leftToRight(r.code()));
        ViewBindings.column(serviceColumn, AppointmentRow::service);
        appointmentTable.setRowFactory(view -> new StateRow());
        appointmentTable.getSelectionModel().selectedItemProperty().addListener((o, before, now) -> {
            if (now != null) {
                viewModel.selectedProperty().set(now);
            }
        });
        viewModel.selectedProperty().addListener((o, before, now) -> {
            if (now == null) {
                appointmentTable.getSelectionModel().clearSelection();
            } else if (appointmentTable.getSelectionModel().getSelectedItem() != now) {
                appointmentTable.getSelectionModel().select(now);
                appointmentTable.scrollTo(now);
            }
        });
        checkInButton.disableProperty().bind(viewModel.canCheckInProperty().not());
        moveButton.disableProperty().bind(viewModel.canChangeProperty().not());
        cancelBookingButton.disableProperty().bind(viewModel.canChangeProperty().not());
        previousDayButton.disableProperty().bind(viewModel.dayProperty().isNull());
        nextDayButton.disableProperty().bind(viewModel.dayProperty().isNull());
        todayButton.disableProperty().bind(viewModel.dayProperty().isNull());
        ViewBindings.message(appointmentInfo, viewModel.infoProperty());
        ViewBindings.message(appointmentsOfflineReason, viewModel.live().offlineReasonProperty());

        formTitle.textProperty().bind(Bindings.createStringBinding(() -> resources.getString(
                form.modeProperty().get() == BookingForm.Mode.MOVE ? "appointments.form.move" : "appointments.form.book"),
                form.modeProperty()));
        submitBookingButton.textProperty().bind(Bindings.createStringBinding(() -> resources.getString(
                form.modeProperty().get() == BookingForm.Mode.MOVE ? "appointments.form.submit.move"
                        : "appointments.form.submit.book"), form.modeProperty()));
        var inMove = Bindings.equal(form.modeProperty(), BookingForm.Mode.MOVE);
        movingDetail.textProperty().bind(form.movingTextProperty());
        movingDetail.visibleProperty().bind(inMove);
        movingDetail.managedProperty().bind(inMove);
        backButton.visibleProperty().bind(inMove);
        backButton.managedProperty().bind(inMove);
        // a move keeps the booking's patient (the line above names them): the fields go, not just grey out, so that
        // "Move here" and the way back stay in view on a 768-pixel screen (session 9: Back was under the fold)
        patientGrid.visibleProperty().bind(inMove.not());
        patientGrid.managedProperty().bind(patientGrid.visibleProperty());
        serviceBox.disableProperty().bind(inMove); // a booking moves within its service
        serviceBox.setItems(viewModel.services());
        serviceBox.valueProperty().bindBidirectional(form.serviceProperty());
        serviceBox.setButtonCell(new NamedCell<>(s -> s.prefix() + " \u00b7 " + s.name()));
        serviceBox.setCellFactory(list -> new NamedCell<>(s -> s.prefix() + " \u00b7 " + s.name()));
        doctorBox.setItems(form.doctors());
        doctorBox.valueProperty().bindBidirectional(form.doctorProperty());
        doctorBox.setButtonCell(new NamedCell<>(form::doctorLabel));
        doctorBox.setCellFactory(list -> new NamedCell<>(form::doctorLabel));
        dayPicker.valueProperty().bindBidirectional(form.dayProperty());
        slotList.setItems(form.slots());
        slotList.setCellFactory(list -> new NamedCell<>(form::slotLabel));
        slotList.getSelectionModel().selectedItemProperty().addListener((o, before, now) -> {
            if (now != null) {
                form.slotProperty().set(now);
            }
        });
        form.slotProperty().addListener((o, before, now) -> {
            if (now == null) {
                slotList.getSelectionModel().clearSelection();
            } else if (slotList.getSelectionModel().getSelectedItem() != now) {
                slotList.getSelectionModel().select(now);
            }
        });
        ViewBindings.message(slotsNote, form.slotsNoteProperty());
        bookingNameField.textProperty().bindBidirectional(form.patientNameProperty());
        bookingPhoneField.textProperty().bindBidirectional(form.phoneProperty());
        languageBox.getItems().setAll(form.languages());
        languageBox.valueProperty().bindBidirectional(form.languageProperty());
        languageBox.setButtonCell(new NamedCell<>(form::languageLabel));
        languageBox.setCellFactory(list -> new NamedCell<>(form::languageLabel));
        submitBookingButton.disableProperty().bind(form.canSubmitProperty().not());
        ViewBindings.message(bookingError, form.errorProperty());
        appointmentsRoot.getChildren().add(ConfirmationOverlay.create(viewModel.confirmation()));
    }

    @FXML
    private void previousDay() {
        viewModel.previousDay();
    }

    @FXML
    private void nextDay() {
        viewModel.nextDay();
    }

    @FXML
    private void today() {
        viewModel.goToToday();
    }

    @FXML
    private void find(ActionEvent event) {
        event.consume();
        viewModel.find();
    }

    @FXML
    private void checkIn() {
        viewModel.checkIn();
    }

    @FXML
    private void move() {
        viewModel.move();
    }

    @FXML
    private void cancel() {
        viewModel.cancel();
    }

    @FXML
    private void submit() {
        viewModel.form().submit();
    }

    @FXML
    private void backToBooking() {
        viewModel.form().reset();
    }

    /** A line styled by what it stands for: a free slot, a missed or checked-in booking. */
    private static final class StateRow extends TableRow<AppointmentRow> {
        @Override
        protected void updateItem(AppointmentRow item, boolean empty) {
            super.updateItem(item, empty);
            AppointmentRow.Kind kind = empty || item == null ? null : item.kind();
            pseudoClassStateChanged(FREE, kind == AppointmentRow.Kind.FREE);
            pseudoClassStateChanged(MISSED, kind == AppointmentRow.Kind.MISSED);
            pseudoClassStateChanged(CHECKED_IN, kind == AppointmentRow.Kind.CHECKED_IN);
        }
    }

    /** A list cell showing an item by a name function. */
    private static final class NamedCell<T> extends ListCell<T> {
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
