package org.queuedesk.desktop.reception;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.queuedesk.common.auth.DevicePrinterDto;
import org.queuedesk.common.auth.PrinterStatusRequest;
import org.queuedesk.common.event.EventType;
import org.queuedesk.common.site.ServiceDto;
import org.queuedesk.common.ticket.IssueTicketRequest;
import org.queuedesk.common.ticket.Priority;
import org.queuedesk.common.ticket.TicketDto;
import org.queuedesk.common.ticket.TicketSource;
import org.queuedesk.common.ticket.TicketState;
import org.queuedesk.common.ticket.TransferRequest;
import org.queuedesk.desktop.api.ApiException;
import org.queuedesk.desktop.api.IdempotencyKeys;
import org.queuedesk.desktop.api.QueueDeskClient;
import org.queuedesk.desktop.app.BackgroundExecutor;
import org.queuedesk.desktop.live.LiveSite;
import org.queuedesk.desktop.live.TicketBoard;
import org.queuedesk.desktop.live.TicketText;

/**
 * The front desk. Issuing is built for the keyboard: a service's shortcut (F1, F2, …) picks it and Enter
 * issues, so the common case is two keystrokes; name, phone and priority are optional. Today's queues and
 * tickets follow the live site. Never sees a control.
 */
public final class ReceptionViewModel {

    private static final Logger LOG = Logger.getLogger(ReceptionViewModel.class.getName());
    private static final Set<String> PRINTER_STATES = Set.of(PrinterStatusRequest.OFFLINE,
            PrinterStatusRequest.PAPER_OUT, PrinterStatusRequest.FAILED);

    private final LiveSite live;
    private final BackgroundExecutor background;
    private final TicketText text;
    private final IdempotencyKeys keys = new IdempotencyKeys();
    private Function<TicketDto, String> smsState;

    private final ObservableList<ServiceQueueRow> queues = FXCollections.observableArrayList();
    private final ObservableList<TicketRow> tickets = FXCollections.observableArrayList();
    private final ObservableList<Priority> priorities = FXCollections.observableArrayList(Priority.values());
    private final IntegerProperty selectedService = new SimpleIntegerProperty(this, "selectedService", -1);
    private final StringProperty patientName = new SimpleStringProperty(this, "patientName", "");
    private final StringProperty phone = new SimpleStringProperty(this, "phone", "");
    private final ObjectProperty<Priority> priority = new SimpleObjectProperty<>(this, "priority", Priority.NORMAL);
    private final ReadOnlyBooleanWrapper issuing = new ReadOnlyBooleanWrapper(this, "issuing", false);
    private final ReadOnlyStringWrapper issuedNumber = new ReadOnlyStringWrapper(this, "issuedNumber", "");
    private final ReadOnlyStringWrapper issuedDetail = new ReadOnlyStringWrapper(this, "issuedDetail", "");
    private final ReadOnlyStringWrapper issueError = new ReadOnlyStringWrapper(this, "issueError", "");
    /** The server's reason a phone number was refused, shown by the phone field itself. */
    private final ReadOnlyStringWrapper phoneError = new ReadOnlyStringWrapper(this, "phoneError", "");
    private final ReadOnlyStringWrapper selectedServiceName = new ReadOnlyStringWrapper(this, "selectedServiceName", "");

    private final StringProperty findNumber = new SimpleStringProperty(this, "findNumber", "");
    private final ReadOnlyStringWrapper findError = new ReadOnlyStringWrapper(this, "findError", "");
    private final ObjectProperty<TicketRow> selectedTicket = new SimpleObjectProperty<>(this, "selectedTicket");
    private final ObjectProperty<Priority> newPriority = new SimpleObjectProperty<>(this, "newPriority", Priority.NORMAL);
    private final ObjectProperty<ServiceDto> transferTarget = new SimpleObjectProperty<>(this, "transferTarget");
    private final ObservableList<ServiceDto> services = FXCollections.observableArrayList();
    private final javafx.beans.property.BooleanProperty transferReturns =
            new javafx.beans.property.SimpleBooleanProperty(this, "transferReturns", false);
    private final ReadOnlyBooleanWrapper acting = new ReadOnlyBooleanWrapper(this, "acting", false);
    private final ReadOnlyStringWrapper actionError = new ReadOnlyStringWrapper(this, "actionError", "");
    private final ReadOnlyStringWrapper actionInfo = new ReadOnlyStringWrapper(this, "actionInfo", "");
    private final ReadOnlyStringWrapper printerWarning = new ReadOnlyStringWrapper(this, "printerWarning", "");
    private final Map<Long, DevicePrinterDto> printers = new HashMap<>();

    private final BooleanBinding canIssue;
    private final BooleanBinding canAct;

    public ReceptionViewModel(LiveSite live, BackgroundExecutor background, TicketText text) {
        this.live = live;
        this.background = background;
        this.text = text;
        this.smsState = ticket -> text.format("sms.none");
        canIssue = Bindings.createBooleanBinding(
                () -> live.onlineProperty().get() && selectedService.get() >= 0 && !issuing.get(),
                live.onlineProperty(), selectedService, issuing);
        canAct = Bindings.createBooleanBinding(
                () -> live.onlineProperty().get() && selectedTicket.get() != null && !acting.get(),
                live.onlineProperty(), selectedTicket, acting);
        selectedService.addListener((o, before, now) -> {
            issueError.set("");
            selectedServiceName.set(serviceAt(now.intValue()).map(ServiceDto::name).orElse(""));
        });
        phone.addListener((o, before, now) -> phoneError.set("")); // correcting it takes the reason away
        selectedTicket.addListener((o, before, now) -> {
            actionError.set("");
            actionInfo.set("");
            ticket().ifPresent(t -> newPriority.set(t.priority()));
        });
        live.onChange(this::refreshViews);
        refreshViews();
        // kiosk printer trouble: the current states with each snapshot, then every change as it happens
        live.onEvent(event -> {
            if (event.type() == EventType.DEVICE_PRINTER && event.printer() != null) {
                takePrinter(event.printer());
                showPrinters();
            }
        });
        live.snapshotProperty().addListener((o, before, now) -> readPrinters());
        readPrinters();
    }

    /** Hook for the SMS feature: what to show in the SMS column for a ticket. */
    public void setSmsState(Function<TicketDto, String> smsState) {
        this.smsState = smsState;
        refreshViews();
    }

    // --- issuing -------------------------------------------------------------------------------------

    /** The shortcut of the {@code index}-th service (0 = F1); false when there is no such service. */
    public boolean selectByShortcut(int index) {
        if (index < 0 || index >= services.size()) {
            return false;
        }
        selectedService.set(index);
        return true;
    }

    public void issue() {
        if (!canIssue.get()) {
            if (selectedService.get() < 0) {
                issueError.set(text.format("reception.issue.error.service"));
            }
            return;
        }
        ServiceDto service = services.get(selectedService.get());
        var request = new IssueTicketRequest(service.id(), priority.get(), TicketSource.RECEPTION,
                TicketText.optional(patientName.get()), TicketText.optional(phone.get()), null);
        String action = "issue:" + request;
        QueueDeskClient client = live.client();
        String key = keys.keyFor(action);
        issuing.set(true);
        issueError.set("");
        phoneError.set("");
        background.run(() -> client.issue(request, key), ticket -> {
            keys.settled(action);
            issuing.set(false);
            issuedNumber.set(ticket.number());
            issuedDetail.set(text.format("reception.issued.detail", service.name(), text.priority(ticket.priority())));
            patientName.set("");
            phone.set("");
            priority.set(Priority.NORMAL);
            selectedService.set(-1);
            live.put(ticket);
        }, error -> {
            keys.settledUnlessUnanswered(action, error);
            issuing.set(false);
            String phoneReason = error instanceof ApiException api ? api.fieldErrors().get("phone") : null;
            if (phoneReason != null) {
                phoneError.set(text.format("reception.issue.error.phone", phoneReason));
            } else {
                issueError.set(text.failure(error));
            }
        });
    }

    public void clearForm() {
        patientName.set("");
        phone.set("");
        priority.set(Priority.NORMAL);
        selectedService.set(-1);
        issueError.set("");
        phoneError.set("");
    }

    // --- finding and correcting ----------------------------------------------------------------------

    public void find() {
        String number = findNumber.get() == null ? "" : findNumber.get().strip();
        findError.set("");
        if (number.isEmpty()) {
            findError.set(text.format("reception.find.error.empty"));
            return;
        }
        Optional<TicketDto> known = live.board().byNumber(number);
        if (known.isPresent()) {
            select(known.get().id());
            return;
        }
        var snapshot = live.snapshot();
        if (snapshot == null) {
            findError.set(text.format("live.offline.stream"));
            return;
        }
        QueueDeskClient client = live.client();
        long siteId = snapshot.site().id();
        background.run(() -> client.findTicket(siteId, number), found -> {
            if (found.isEmpty()) {
                findError.set(text.format("reception.find.error.none", number));
            } else {
                live.put(found.get());
                select(found.get().id());
            }
        }, error -> findError.set(text.failure(error)));
    }

    private void select(long ticketId) {
        tickets.stream().filter(row -> row.id() == ticketId).findFirst().ifPresent(selectedTicket::set);
    }

    public void cancelTicket() {
        act("cancel", (client, id, key) -> client.cancel(id, key), "reception.action.cancelled");
    }

    public void changePriority() {
        Priority wanted = newPriority.get();
        act("priority:" + wanted, (client, id, key) -> client.changePriority(id, wanted, key), "reception.action.priority");
    }

    public void transfer() {
        ServiceDto target = transferTarget.get();
        if (target == null) {
            actionError.set(text.format("reception.transfer.error.target"));
            return;
        }
        boolean back = transferReturns.get();
        act("transfer:" + target.id() + ":" + back,
                (client, id, key) -> client.transfer(id, new TransferRequest(target.id(), back), key),
                "reception.action.transferred");
    }

    public void requeue() {
        act("requeue", (client, id, key) -> client.requeue(id, key), "reception.action.requeued");
    }

    @FunctionalInterface
    private interface TicketCall {
        TicketDto call(QueueDeskClient client, long ticketId, String key) throws IOException, InterruptedException, ApiException;
    }

    private void act(String name, TicketCall call, String doneKey) {
        Optional<TicketDto> ticket = ticket();
        if (ticket.isEmpty() || !canAct.get()) {
            return;
        }
        long id = ticket.get().id();
        String action = name + ":" + id;
        String key = keys.keyFor(action);
        QueueDeskClient client = live.client();
        acting.set(true);
        actionError.set("");
        actionInfo.set("");
        background.run(() -> call.call(client, id, key), result -> {
            keys.settled(action);
            acting.set(false);
            live.put(result);
            actionInfo.set(text.format(doneKey, result.number()));
            select(result.id());
        }, error -> {
            keys.settledUnlessUnanswered(action, error);
            acting.set(false);
            actionError.set(text.failure(error));
        });
    }

    private Optional<TicketDto> ticket() {
        TicketRow row = selectedTicket.get();
        return row == null ? Optional.empty() : live.board().ticket(row.id());
    }

    // --- kiosk printers ------------------------------------------------------------------------------

    private void readPrinters() {
        var snapshot = live.snapshot();
        if (snapshot == null) {
            return;
        }
        QueueDeskClient client = live.client();
        long siteId = snapshot.site().id();
        background.run(() -> client.kioskPrinters(siteId), list -> {
            list.forEach(this::takePrinter);
            showPrinters();
        }, error -> LOG.log(Level.INFO, "Cannot read the kiosks' printers", error));
    }

    /** The newer of what is known and what arrived: a list read slowly must not undo a later event. */
    private void takePrinter(DevicePrinterDto printer) {
        DevicePrinterDto known = printers.get(printer.deviceId());
        if (known == null || known.at() == null || printer.at() == null || !printer.at().isBefore(known.at())) {
            printers.put(printer.deviceId(), printer);
        }
    }

    private void showPrinters() {
        printerWarning.set(printers.values().stream()
                .filter(p -> !PrinterStatusRequest.OK.equals(p.state()))
                .sorted(Comparator.comparing(DevicePrinterDto::deviceName))
                .map(p -> text.format(PRINTER_STATES.contains(p.state()) ? "reception.printer." + p.state()
                        : "reception.printer.failed", p.deviceName()))
                .collect(Collectors.joining("\n")));
    }

    // --- live picture --------------------------------------------------------------------------------

    /** Waiting times move with the clock: the view calls this every few seconds. */
    public void tick() {
        refreshViews();
    }

    private void refreshViews() {
        var snapshot = live.snapshot();
        if (snapshot == null) {
            return;
        }
        if (!services.equals(snapshot.services())) {
            int selected = selectedService.get();
            services.setAll(snapshot.services());
            selectedService.set(selected < services.size() ? selected : -1);
        }
        TicketBoard board = live.board();
        List<ServiceQueueRow> rows = new ArrayList<>();
        for (int i = 0; i < services.size(); i++) {
            ServiceDto s = services.get(i);
            rows.add(new ServiceQueueRow(s.id(), shortcut(i), s.name(), s.prefix(), board.waitingCount(s.id()),
                    board.oldestWaiting(s.id()).map(text::waitedSince).orElse(""),
                    board.count(s.id(), TicketState.CALLED) + board.count(s.id(), TicketState.SERVING)));
        }
        queues.setAll(rows);
        TicketRow selected = selectedTicket.get();
        tickets.setAll(board.all().stream().map(this::row).toList());
        if (selected != null) {
            // keep the selection on the same ticket, with its fresh state
            selectedTicket.set(tickets.stream().filter(r -> r.id() == selected.id()).findFirst().orElse(null));
        }
    }

    private TicketRow row(TicketDto t) {
        String service = services.stream().filter(s -> s.id() == t.serviceId()).map(ServiceDto::name).findFirst().orElse("");
        String waited = t.state() == TicketState.WAITING ? text.waitedSince(t.queuedAt())
                : text.duration(t.queuedAt(), t.calledAt());
        return new TicketRow(t.id(), t.number(), service, t.patientName() == null ? "" : t.patientName(),
                text.priority(t.priority()), text.state(t.state()), waited, smsState.apply(t));
    }

    public static String shortcut(int index) {
        return index < 12 ? "F" + (index + 1) : "";
    }

    private Optional<ServiceDto> serviceAt(int index) {
        return index >= 0 && index < services.size() ? Optional.of(services.get(index)) : Optional.empty();
    }

    // --- properties ----------------------------------------------------------------------------------

    public LiveSite live() {
        return live;
    }

    public ObservableList<ServiceQueueRow> queues() {
        return queues;
    }

    public ObservableList<TicketRow> tickets() {
        return tickets;
    }

    public ObservableList<ServiceDto> services() {
        return services;
    }

    public ObservableList<Priority> priorities() {
        return priorities;
    }

    public IntegerProperty selectedServiceProperty() {
        return selectedService;
    }

    public ReadOnlyStringProperty selectedServiceNameProperty() {
        return selectedServiceName.getReadOnlyProperty();
    }

    public StringProperty patientNameProperty() {
        return patientName;
    }

    public StringProperty phoneProperty() {
        return phone;
    }

    public ObjectProperty<Priority> priorityProperty() {
        return priority;
    }

    public ReadOnlyBooleanProperty issuingProperty() {
        return issuing.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty issuedNumberProperty() {
        return issuedNumber.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty issuedDetailProperty() {
        return issuedDetail.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty phoneErrorProperty() {
        return phoneError.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty issueErrorProperty() {
        return issueError.getReadOnlyProperty();
    }

    public BooleanBinding canIssueProperty() {
        return canIssue;
    }

    public StringProperty findNumberProperty() {
        return findNumber;
    }

    public ReadOnlyStringProperty findErrorProperty() {
        return findError.getReadOnlyProperty();
    }

    public ObjectProperty<TicketRow> selectedTicketProperty() {
        return selectedTicket;
    }

    public ObjectProperty<Priority> newPriorityProperty() {
        return newPriority;
    }

    public ObjectProperty<ServiceDto> transferTargetProperty() {
        return transferTarget;
    }

    public javafx.beans.property.BooleanProperty transferReturnsProperty() {
        return transferReturns;
    }

    public BooleanBinding canActProperty() {
        return canAct;
    }

    public ReadOnlyStringProperty actionErrorProperty() {
        return actionError.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty actionInfoProperty() {
        return actionInfo.getReadOnlyProperty();
    }

    /** One line per kiosk whose printer is in trouble ("Kiosk 'Lobby': out of paper"); empty when all print. */
    public ReadOnlyStringProperty printerWarningProperty() {
        return printerWarning.getReadOnlyProperty();
    }

    public TicketText text() {
        return text;
    }
}
