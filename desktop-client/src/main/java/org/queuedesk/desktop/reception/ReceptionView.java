package org.queuedesk.desktop.reception;

import java.util.ResourceBundle;
import java.util.function.Function;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.ListChangeListener;
import javafx.event.ActionEvent;
import javafx.css.PseudoClass;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.control.TableCell;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import org.queuedesk.common.site.ServiceDto;
import org.queuedesk.desktop.ground.ConfirmationOverlay;
import org.queuedesk.desktop.ground.ControllerFactory;
import org.queuedesk.desktop.ground.ViewBindings;
import org.queuedesk.desktop.ground.Fxml;
import org.queuedesk.desktop.ground.SceneKeys;
import org.queuedesk.desktop.ground.Ticker;

/** Controller for {@code Reception.fxml}: binds, and delegates each action to the view-model in one line. */
public final class ReceptionView {

    private static final PseudoClass INVALID = PseudoClass.getPseudoClass("invalid");

    private final ReceptionViewModel viewModel;

    @FXML private StackPane root;
    @FXML private VBox serviceButtons;
    @FXML private javafx.scene.layout.HBox queuesHeader;
    @FXML private TextField nameField;
    @FXML private TextField phoneField;
    @FXML private ComboBox<org.queuedesk.common.ticket.Priority> priorityBox;
    @FXML private Button issueButton;
    @FXML private Label issueError;
    @FXML private Label phoneError;
    @FXML private Label issuedNumber;
    @FXML private Label issuedDetail;
    @FXML private Label offlineReason;
    @FXML private Label printerWarning;
    @FXML private TableView<ServiceQueueRow> queueTable;
    @FXML private TableColumn<ServiceQueueRow, String> queueKey;
    @FXML private TableColumn<ServiceQueueRow, String> queueService;
    @FXML private TableColumn<ServiceQueueRow, Number> queueWaiting;
    @FXML private TableColumn<ServiceQueueRow, String> queueLongest;
    @FXML private TableColumn<ServiceQueueRow, Number> queueWithDoctor;
    @FXML private TableColumn<ServiceQueueRow, String> queueEstimate;
    @FXML private TextField findField;
    @FXML private Label findError;
    @FXML private TableView<TicketRow> ticketTable;
    @FXML private TableColumn<TicketRow, String> ticketNumber;
    @FXML private TableColumn<TicketRow, String> ticketService;
    @FXML private TableColumn<TicketRow, String> ticketName;
    @FXML private TableColumn<TicketRow, String> ticketPriority;
    @FXML private TableColumn<TicketRow, String> ticketState;
    @FXML private TableColumn<TicketRow, String> ticketWaited;
    @FXML private TableColumn<TicketRow, String> ticketSms;
    @FXML private Button cancelButton;
    @FXML private Button requeueButton;
    @FXML private Button priorityButton;
    @FXML private Button transferButton;
    @FXML private Button statusLinkButton;
    @FXML private ResourceBundle resources;
    @FXML private ComboBox<org.queuedesk.common.ticket.Priority> newPriorityBox;
    @FXML private ComboBox<ServiceDto> transferBox;
    @FXML private CheckBox returnBox;
    @FXML private Label actionError;
    @FXML private Label actionInfo;

    public ReceptionView(ReceptionViewModel viewModel) {
        this.viewModel = viewModel;
    }

    public static Parent load(ReceptionViewModel viewModel, ResourceBundle messages) {
        return Fxml.load(ReceptionView.class, "Reception.fxml", messages,
                new ControllerFactory().register(ReceptionView.class, () -> new ReceptionView(viewModel)));
    }

    @FXML
    private void initialize() {
        var text = viewModel.text();
        SceneKeys.whileShown(root, this::shortcut);
        Platform.runLater(nameField::requestFocus);
        viewModel.services().addListener((ListChangeListener<ServiceDto>) change -> buildServiceButtons());
        viewModel.issue().selectedServiceProperty().addListener((o, before, now) -> markSelectedService());
        buildServiceButtons();

        nameField.textProperty().bindBidirectional(viewModel.issue().patientNameProperty());
        phoneField.textProperty().bindBidirectional(viewModel.issue().phoneProperty());
        priorityBox.setItems(viewModel.priorities());
        priorityBox.valueProperty().bindBidirectional(viewModel.issue().priorityProperty());
        priorityBox.setButtonCell(new NamedCell<>(text::priority));
        priorityBox.setCellFactory(list -> new NamedCell<>(text::priority));
        issueButton.disableProperty().bind(viewModel.issue().canIssueProperty().not());
        ViewBindings.message(issueError, viewModel.issue().issueErrorProperty());
        ViewBindings.message(phoneError, viewModel.issue().phoneErrorProperty());
        viewModel.issue().phoneErrorProperty().addListener((o, before, now) -> {
            boolean refused = !now.isEmpty();
            phoneField.pseudoClassStateChanged(INVALID, refused);
            if (refused) {
                phoneField.requestFocus();
                phoneField.selectAll();
            }
        });
        issuedNumber.textProperty().bind(viewModel.issue().issuedNumberProperty());
        issuedDetail.textProperty().bind(viewModel.issue().issuedDetailProperty());
        ViewBindings.message(offlineReason, viewModel.live().offlineReasonProperty());
        ViewBindings.message(printerWarning, viewModel.printerWarningProperty());
        var printerTip = new javafx.scene.control.Tooltip();
        printerTip.textProperty().bind(printerWarning.textProperty());
        printerWarning.setTooltip(printerTip);
        // open alerts beside the queues' title, in their tier's colour (README, "Alerts"), in a slot held one row
        // high, so a raised alert never moves the buttons and rows under the pointer
        var alertBanner = org.queuedesk.desktop.alert.AlertBanner.inOneRowSlot(viewModel.alerts(),
                resources.getString("alert.acknowledge"),
                n -> java.text.MessageFormat.format(resources.getString("alert.moreInRow"), n),
                resources.getString("alert.none"));
        javafx.scene.layout.HBox.setHgrow(alertBanner, javafx.scene.layout.Priority.ALWAYS);
        alertBanner.setMaxWidth(Double.MAX_VALUE);
        queuesHeader.getChildren().add(alertBanner);

        queueTable.setItems(viewModel.queues());
        ViewBindings.column(queueKey, ServiceQueueRow::shortcut);
        ViewBindings.column(queueService, row -> row.prefix() + " \u00b7 " + row.name());
        queueWaiting.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().waiting()));
        ViewBindings.column(queueLongest, ServiceQueueRow::longestWait);
        queueWithDoctor.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().withDoctor()));
        ViewBindings.column(queueEstimate, ServiceQueueRow::waitIfJoiningNow);

        findField.textProperty().bindBidirectional(viewModel.findNumberProperty());
        ViewBindings.message(findError, viewModel.findErrorProperty());
        ticketTable.setItems(viewModel.tickets());
        ViewBindings.column(ticketNumber, TicketRow::number);
        ViewBindings.column(ticketService, TicketRow::service);
        ViewBindings.column(ticketName, TicketRow::name);
        ViewBindings.column(ticketPriority, TicketRow::priority);
        ViewBindings.column(ticketState, TicketRow::state);
        ViewBindings.column(ticketWaited, TicketRow::waited);
        ViewBindings.column(ticketSms, TicketRow::sms);
        ticketSms.setCellFactory(column -> new TextWithTooltipCell<>()); // a failure's reason is longer than the column
        ticketTable.getSelectionModel().selectedItemProperty().addListener((o, before, now) -> {
            if (now != null) {
                viewModel.selectedTicketProperty().set(now);
            }
        });
        viewModel.selectedTicketProperty().addListener((o, before, now) -> {
            if (now == null) {
                ticketTable.getSelectionModel().clearSelection();
            } else if (ticketTable.getSelectionModel().getSelectedItem() != now) {
                ticketTable.getSelectionModel().select(now);
                ticketTable.scrollTo(now);
            }
        });
        // each control is disabled on its own (each binding includes canAct): the pane also holds the actions' message
        // each button only where the selected ticket's state allows its action (README lifecycle)
        cancelButton.disableProperty().bind(viewModel.actions().canCancelProperty().not());
        requeueButton.disableProperty().bind(viewModel.actions().canRequeueProperty().not());
        priorityButton.disableProperty().bind(viewModel.actions().canChangePriorityProperty().not());
        newPriorityBox.disableProperty().bind(viewModel.actions().canChangePriorityProperty().not());
        transferButton.disableProperty().bind(viewModel.actions().canTransferProperty().not());
        transferBox.disableProperty().bind(viewModel.actions().canTransferProperty().not());
        returnBox.disableProperty().bind(viewModel.actions().canTransferProperty().not());
        statusLinkButton.disableProperty().bind(viewModel.actions().canShowStatusLinkProperty().not());
        newPriorityBox.setItems(viewModel.priorities());
        newPriorityBox.valueProperty().bindBidirectional(viewModel.actions().newPriorityProperty());
        newPriorityBox.setButtonCell(new NamedCell<>(text::priority));
        newPriorityBox.setCellFactory(list -> new NamedCell<>(text::priority));
        transferBox.setItems(viewModel.services());
        transferBox.valueProperty().bindBidirectional(viewModel.actions().transferForm().targetProperty());
        transferBox.setButtonCell(new NamedCell<>(s -> s.prefix() + " \u00b7 " + s.name()));
        transferBox.setCellFactory(list -> new NamedCell<>(s -> s.prefix() + " \u00b7 " + s.name()));
        returnBox.selectedProperty().bindBidirectional(viewModel.actions().transferForm().returnsProperty());
        ViewBindings.message(actionError, viewModel.actions().errorProperty());
        ViewBindings.message(actionInfo, viewModel.actions().infoProperty());
        Ticker.whileShown(root, Duration.seconds(15), viewModel::tick);
        root.getChildren().addAll(StatusLinkOverlay.create(viewModel.statusLink(), resources),
                ConfirmationOverlay.create(viewModel.actions().confirmation()));
    }

    private void buildServiceButtons() {
        serviceButtons.getChildren().clear();
        var services = viewModel.services();
        for (int i = 0; i < services.size(); i++) {
            ServiceDto service = services.get(i);
            int index = i;
            Label key = new Label(ReceptionViewModel.shortcut(i));
            key.getStyleClass().add("key-cap");
            Label name = new Label(service.prefix() + " \u00b7 " + service.name());
            name.getStyleClass().add("service-name");
            HBox content = new HBox(12, key, name);
            content.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
            ToggleButton button = new ToggleButton();
            button.setGraphic(content);
            button.setId("service-" + service.prefix());
            button.getStyleClass().add("service-button");
            button.setMaxWidth(Double.MAX_VALUE);
            button.setFocusTraversable(false);
            button.setOnAction(event -> viewModel.issue().selectByShortcut(index));
            HBox.setHgrow(button, Priority.ALWAYS);
            serviceButtons.getChildren().add(button);
        }
        markSelectedService();
    }

    private void markSelectedService() {
        int selected = viewModel.issue().selectedServiceProperty().get();
        for (int i = 0; i < serviceButtons.getChildren().size(); i++) {
            ((ToggleButton) serviceButtons.getChildren().get(i)).setSelected(i == selected);
        }
        if (selected >= 0) {
            issueButton.requestFocus();
        }
    }

    private void shortcut(KeyEvent event) {
        KeyCode code = event.getCode();
        if (viewModel.actions().confirmation().isPending() || viewModel.statusLink().cardProperty().get() != null) {
            // a card is up: Esc closes it, and no shortcut reaches the screen below
            if (code == KeyCode.ESCAPE) {
                event.consume();
                viewModel.actions().confirmation().dismiss();
                viewModel.statusLink().close();
            }
            return;
        }
        if (code.isFunctionKey() && code.ordinal() >= KeyCode.F1.ordinal() && code.ordinal() <= KeyCode.F12.ordinal()) {
            event.consume();
            viewModel.issue().selectByShortcut(code.ordinal() - KeyCode.F1.ordinal());
        } else if (code == KeyCode.ESCAPE) {
            event.consume();
            viewModel.issue().clearForm();
        }
    }



    @FXML
    private void issue() {
        viewModel.issue().issue();
    }

    @FXML
    private void find(ActionEvent event) {
        event.consume(); // Enter in the search box must not also issue a ticket
        viewModel.find();
    }

    @FXML
    private void cancelTicket() {
        viewModel.actions().cancel();
    }

    @FXML
    private void changePriority() {
        viewModel.actions().changePriority();
    }

    @FXML
    private void transfer() {
        viewModel.actions().transfer();
    }

    @FXML
    private void requeue() {
        viewModel.actions().requeue();
    }

    @FXML
    private void showStatusLink() {
        viewModel.showStatusLink();
    }

    /** A text cell whose tooltip shows the whole text when the column cuts it. */
    static final class TextWithTooltipCell<R> extends TableCell<R, String> {
        @Override
        protected void updateItem(String item, boolean empty) {
            super.updateItem(item, empty);
            setText(empty ? null : item);
            setTooltip(empty || item == null || item.isEmpty() ? null : new Tooltip(item));
        }
    }

    /** A list cell showing an item by a name function. */
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
