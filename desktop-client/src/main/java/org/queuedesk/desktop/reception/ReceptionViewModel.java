package org.queuedesk.desktop.reception;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
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
import org.queuedesk.common.event.PrinterEvent;
import org.queuedesk.common.event.SmsEvent;
import org.queuedesk.common.notify.StatusLinkDto;
import org.queuedesk.common.notify.TicketSmsDto;
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
import org.queuedesk.desktop.ground.BackgroundExecutor;
import org.queuedesk.desktop.ground.Confirmation;
import org.queuedesk.desktop.live.DeskAction;
import org.queuedesk.desktop.ground.PendingConfirmation;
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
    private final StatusSlipPrinter slipPrinter;
    private final SmsStates sms = new SmsStates();
    private final PendingConfirmation confirmation = new PendingConfirmation();

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
    private final ReadOnlyObjectWrapper<StatusLinkCard> statusLink = new ReadOnlyObjectWrapper<>(this, "statusLink");
    private final ReadOnlyStringWrapper statusLinkInfo = new ReadOnlyStringWrapper(this, "statusLinkInfo", "");
    private final ReadOnlyBooleanWrapper printing = new ReadOnlyBooleanWrapper(this, "printing", false);
    private final Map<Long, DevicePrinterDto> printers = new HashMap<>();

    private final BooleanBinding canIssue;
    private final BooleanBinding canAct;
    private final BooleanBinding canCancel;
    private final BooleanBinding canRequeue;
    private final BooleanBinding canChangePriority;
    private final BooleanBinding canTransfer;
    private final BooleanBinding canShowStatusLink;

    public ReceptionViewModel(LiveSite live, BackgroundExecutor background, TicketText text) {
        this(live, background, text, new SystemStatusSlipPrinter());
    }

    public ReceptionViewModel(LiveSite live, BackgroundExecutor background, TicketText text, StatusSlipPrinter slipPrinter) {
        this.live = live;
        this.background = background;
        this.text = text;
        this.slipPrinter = slipPrinter;
        canIssue = Bindings.createBooleanBinding(
                () -> live.onlineProperty().get() && selectedService.get() >= 0 && !issuing.get(),
                live.onlineProperty(), selectedService, issuing);
        canAct = Bindings.createBooleanBinding(
                () -> live.onlineProperty().get() && selectedTicket.get() != null && !acting.get(),
                live.onlineProperty(), selectedTicket, acting);
        canCancel = allowed(DeskAction.CANCEL);
        canRequeue = allowed(DeskAction.REQUEUE);
        canChangePriority = allowed(DeskAction.CHANGE_PRIORITY);
        canTransfer = allowed(DeskAction.TRANSFER);
        canShowStatusLink = allowed(DeskAction.STATUS_LINK);
        selectedService.addListener((o, before, now) -> {
            issueError.set("");
            selectedServiceName.set(serviceAt(now.intValue()).map(ServiceDto::name).orElse(""));
        });
        phone.addListener((o, before, now) -> phoneError.set("")); // correcting it takes the reason away
        patientName.addListener((o, before, now) -> issueError.set(""));
        findNumber.addListener((o, before, now) -> findError.set(""));
        selectedTicket.addListener((o, before, now) -> {
            // every refresh re-sets the row with fresh words; only another ticket starts the actions afresh
            if (before == null || now == null || before.id() != now.id()) {
                startActionsAfresh();
            }
        });
        live.onChange(this::refreshViews);
        refreshViews();
        // kiosk printer trouble: the current states with each snapshot, then every change as it happens
        live.onEvent(event -> {
            if (event instanceof PrinterEvent change) {
                takePrinter(change.printer());
                showPrinters();
            }
            // the SMS column follows each message's state; the change listeners refresh the rows right after
            if (event instanceof SmsEvent change && change.sms() != null) {
                sms.take(change.sms());
            }
        });
        live.snapshotProperty().addListener((o, before, now) -> {
            readPrinters();
            readSms();
        });
        readPrinters();
        readSms();
    }

    private BooleanBinding allowed(DeskAction action) {
        return Bindings.createBooleanBinding(() -> canAct.get() && ticket().map(t -> action.allows(t.state())).orElse(false),
                canAct, selectedTicket);
    }

    /** Another ticket: nothing chosen for the last one (transfer target, return, a question) carries over. */
    private void startActionsAfresh() {
        actionError.set("");
        actionInfo.set("");
        confirmation.dismiss();
        transferTarget.set(null);
        transferReturns.set(false);
        newPriority.set(ticket().map(TicketDto::priority).orElse(Priority.NORMAL));
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
        String number = TicketNumbers.normalize(findNumber.get());
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

    /** Cancelling is final (the number is never given again): it asks first, naming the ticket and patient. */
    public void cancelTicket() {
        Optional<TicketDto> ticket = ticket();
        if (ticket.isEmpty() || !canCancel.get()) {
            return;
        }
        TicketDto chosen = ticket.get();
        String who = chosen.patientName() == null ? text.format("reception.cancel.confirm.nobody")
                : chosen.patientName();
        confirmation.ask(new Confirmation(text.format("reception.cancel.confirm.title", chosen.number()),
                text.format("reception.cancel.confirm.message", chosen.number(), who),
                text.format("reception.cancel.confirm.yes"), text.format("reception.cancel.confirm.no"),
                () -> act(chosen.id(), "cancel", (client, id, key) -> client.cancel(id, key), "reception.action.cancelled")));
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
        ticket().ifPresent(ticket -> act(ticket.id(), name, call, doneKey));
    }

    /** Acts on ticket {@code id}, the one the user chose even if a confirmation came in between. */
    private void act(long id, String name, TicketCall call, String doneKey) {
        if (!canAct.get()) {
            return;
        }
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

    // --- the patient's status link (QR code) ---------------------------------------------------------

    /** Shows the selected ticket's status page link as a QR code the patient scans (or a slip to print). */
    public void showStatusLink() {
        Optional<TicketDto> ticket = ticket();
        if (ticket.isEmpty() || !canShowStatusLink.get()) {
            return;
        }
        TicketDto chosen = ticket.get();
        QueueDeskClient client = live.client();
        actionError.set("");
        background.run(() -> client.statusLink(chosen.id()), link -> {
            if (link.isEmpty()) {
                actionError.set(text.format("reception.statusLink.none"));
            } else {
                statusLinkInfo.set("");
                statusLink.set(card(chosen, link.get()));
            }
        }, error -> actionError.set(text.failure(error)));
    }

    private StatusLinkCard card(TicketDto ticket, StatusLinkDto link) {
        String until = link.expiresAt() == null ? ""
                : text.format("reception.statusLink.validUntil", java.util.Date.from(link.expiresAt()));
        return new StatusLinkCard(ticket.id(), ticket.number(), link.url(), until);
    }

    public void closeStatusLink() {
        statusLink.set(null);
        statusLinkInfo.set("");
    }

    /** Prints the shown link as a slip with its QR code, on the background seam; the card says how it went. */
    public void printStatusLink() {
        StatusLinkCard card = statusLink.get();
        if (card == null || printing.get()) {
            return;
        }
        printing.set(true);
        statusLinkInfo.set(text.format("reception.statusLink.printing"));
        background.run(() -> {
            slipPrinter.print(card);
            return Boolean.TRUE;
        }, ok -> {
            printing.set(false);
            statusLinkInfo.set(text.format("reception.statusLink.printed", card.number()));
        }, error -> {
            printing.set(false);
            LOG.log(Level.INFO, "Cannot print a status slip", error);
            statusLinkInfo.set(text.format("reception.statusLink.printFailed",
                    error.getMessage() != null ? error.getMessage() : text.failure(error))); // never "null"
        });
    }

    // --- text messages -------------------------------------------------------------------------------

    /** Each ticket's latest message for the SMS column, once per snapshot; events keep it current after. */
    private void readSms() {
        var snapshot = live.snapshot();
        if (snapshot == null) {
            return;
        }
        List<Long> withPhone = snapshot.tickets().stream().filter(t -> t.phone() != null).map(TicketDto::id).toList();
        if (withPhone.isEmpty()) {
            return;
        }
        QueueDeskClient client = live.client();
        background.run(() -> {
            List<TicketSmsDto> all = new ArrayList<>();
            for (long id : withPhone) {
                all.add(client.ticketSms(id));
            }
            return all;
        }, all -> {
            all.forEach(sms::take);
            refreshViews();
        }, error -> LOG.log(Level.INFO, "Cannot read the tickets' text messages", error));
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
                text.priority(t.priority()), text.state(t.state()), waited, sms.text(t, text));
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

    public BooleanBinding canCancelProperty() {
        return canCancel;
    }

    public BooleanBinding canRequeueProperty() {
        return canRequeue;
    }

    public BooleanBinding canChangePriorityProperty() {
        return canChangePriority;
    }

    public BooleanBinding canTransferProperty() {
        return canTransfer;
    }

    public BooleanBinding canShowStatusLinkProperty() {
        return canShowStatusLink;
    }

    /** The question waiting for an answer before a final action (cancel), if any. */
    public PendingConfirmation confirmation() {
        return confirmation;
    }

    /** The status link shown as a QR code, or null while none is shown. */
    public ReadOnlyObjectProperty<StatusLinkCard> statusLinkProperty() {
        return statusLink.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusLinkInfoProperty() {
        return statusLinkInfo.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty printingProperty() {
        return printing.getReadOnlyProperty();
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
