package org.queuedesk.desktop.reception;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.queuedesk.common.site.ServiceDto;
import org.queuedesk.common.ticket.IssueTicketRequest;
import org.queuedesk.common.ticket.Priority;
import org.queuedesk.common.ticket.TicketDto;
import org.queuedesk.common.ticket.TicketSource;
import org.queuedesk.common.ticket.TicketState;
import org.queuedesk.desktop.api.ApiException;
import org.queuedesk.desktop.api.QueueDeskClient;
import org.queuedesk.desktop.ground.BackgroundExecutor;
import org.queuedesk.desktop.live.DeskRequests;
import org.queuedesk.desktop.live.LateCheckIns;
import org.queuedesk.desktop.live.LiveSite;
import org.queuedesk.desktop.live.TicketBoard;
import org.queuedesk.desktop.live.TicketCells;
import org.queuedesk.desktop.live.TicketText;

/**
 * The front desk: today's queues and tickets as they follow the live site, and finding a ticket by its number.
 * Issuing is the {@link IssueForm}; what is done to the chosen ticket {@link TicketActions}, its status link
 * {@link StatusLinkViewModel}. Never sees a control.
 */
public final class ReceptionViewModel {

    private final LiveSite live;
    private final BackgroundExecutor background;
    private final TicketText text;

    private final ObservableList<ServiceQueueRow> queues = FXCollections.observableArrayList();
    private final ObservableList<TicketRow> tickets = FXCollections.observableArrayList();
    private final ObservableList<Priority> priorities = FXCollections.observableArrayList(Priority.values());
    private final ObservableList<ServiceDto> services = FXCollections.observableArrayList();
    private final TicketCells cells;

    private final StringProperty findNumber = new SimpleStringProperty(this, "findNumber", "");
    private final ReadOnlyStringWrapper findError = new ReadOnlyStringWrapper(this, "findError", "");
    private final ObjectProperty<TicketRow> selectedTicket = new SimpleObjectProperty<>(this, "selectedTicket");

    private final IssueForm issue;
    private final TicketActions actions;
    private final StatusLinkViewModel statusLink;
    private final KioskPrinterWarnings printerWarnings;
    private final org.queuedesk.desktop.alert.AlertBannerViewModel alerts;
    private final SmsColumn sms;
    private List<org.queuedesk.common.appointment.AppointmentDto> checkIns = List.of();
    private boolean checkInsRead;

    public ReceptionViewModel(LiveSite live, BackgroundExecutor background, TicketText text) {
        this(live, background, text, new SystemStatusSlipPrinter());
    }

    public ReceptionViewModel(LiveSite live, BackgroundExecutor background, TicketText text, StatusSlipPrinter slipPrinter) {
        this.live = live;
        live.followWaits(); // the overview shows the wait of a patient joining now
        this.background = background;
        this.text = text;
        this.cells = new TicketCells(text, services);
        this.issue = new IssueForm(live, background, text, services);
        this.actions = new TicketActions(live, background, text, selectedTicket, this::select);
        this.statusLink = new StatusLinkViewModel(live, background, text, slipPrinter);
        this.sms = new SmsColumn(live, background, this::refreshViews);
        findNumber.addListener((o, before, now) -> findError.set(""));
        live.onChange(this::refreshViews);
        live.onEvent(event -> {
            if (event instanceof org.queuedesk.common.event.AppointmentEvent change
                    && change.type() == org.queuedesk.common.event.EventType.APPOINTMENT_CHECKED_IN) {
                readCheckIns();
            }
        });
        refreshViews();
        // kiosk printer trouble and the SMS column: the current states with each snapshot, then each change
        printerWarnings = new KioskPrinterWarnings(live, background, text);
        alerts = org.queuedesk.desktop.alert.AlertBannerViewModel.following(live, background, text::format);
        sms.listen();
    }

    // --- finding ---------------------------------------------------------------------------------------

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

    /** Shows the chosen ticket's status page link as a QR code the patient scans (or a slip to print). */
    public void showStatusLink() {
        actions.chosen().filter(ticket -> actions.canShowStatusLinkProperty().get()).ifPresent(ticket -> {
            actions.failed("");
            statusLink.show(ticket, actions::failed);
        });
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
        if (!checkInsRead) {
            readCheckIns();
        }
        if (!services.equals(snapshot.services())) {
            int selected = issue.selectedServiceProperty().get();
            services.setAll(snapshot.services());
            issue.servicesChanged(selected);
        }
        TicketBoard board = live.board();
        List<ServiceQueueRow> rows = new ArrayList<>();
        for (int i = 0; i < services.size(); i++) {
            ServiceDto s = services.get(i);
            rows.add(new ServiceQueueRow(s.id(), shortcut(i), s.name(), s.prefix(), board.waitingCount(s.id()),
                    board.oldestWaiting(s.id()).map(text::waitedSince).orElse(""),
                    board.count(s.id(), TicketState.CALLED) + board.count(s.id(), TicketState.SERVING),
                    waitIfJoiningNow(s.id())));
        }
        queues.setAll(rows);
        TicketRow selected = selectedTicket.get();
        tickets.setAll(board.all().stream().map(this::row).toList());
        if (selected != null) {
            // keep the selection on the same ticket, with its fresh state
            selectedTicket.set(tickets.stream().filter(r -> r.id() == selected.id()).findFirst().orElse(null));
        }
    }

    /** "12 min (8–18)": the estimate with its range; "not known" while no open session serves the service. */
    private String waitIfJoiningNow(long serviceId) {
        return live.waitAt(serviceId).filter(q -> q.waitMinutes() != null)
                .map(q -> text.format("reception.queues.estimate", q.waitMinutes(), q.waitLowMinutes(), q.waitHighMinutes()))
                .orElse(text.format("reception.queues.estimateUnknown"));
    }

    private TicketRow row(TicketDto t) {
        boolean late = checkIns.stream().anyMatch(b -> LateCheckIns.queuedByArrival(t, b));
        return new TicketRow(t.id(), t.number(), cells.service(t), cells.patient(t),
                late ? text.format("appointments.ticket.late") : cells.priority(t), cells.state(t),
                cells.waited(t), sms.text(t, text));
    }

    /**
     * Today's bookings, to tell which tickets came from a late check-in: the ticket carries no such flag, its
     * booking does ({@link LateCheckIns}). Read with the first picture and after each check-in.
     */
    private void readCheckIns() {
        var snapshot = live.snapshot();
        if (snapshot == null) {
            return;
        }
        checkInsRead = true;
        long siteId = snapshot.site().id();
        java.time.LocalDate today = java.time.LocalDate.now(text.clock().withZone(
                java.time.ZoneId.of(snapshot.site().timeZone())));
        QueueDeskClient client = live.client();
        background.run(() -> client.appointments(siteId, today, null), bookings -> {
            checkIns = bookings.stream().filter(b -> b.ticketId() != null).toList();
            refreshViews();
        }, error -> checkInsRead = error instanceof ApiException); // unanswered: the next change tries again
    }

    public static String shortcut(int index) {
        return index < 12 ? "F" + (index + 1) : "";
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

    public StringProperty findNumberProperty() {
        return findNumber;
    }

    public ReadOnlyStringProperty findErrorProperty() {
        return findError.getReadOnlyProperty();
    }

    public ObjectProperty<TicketRow> selectedTicketProperty() {
        return selectedTicket;
    }

    /** The issuing form (F1, F2, … then Enter). */
    public IssueForm issue() {
        return issue;
    }

    /** What can be done to the chosen ticket. */
    public TicketActions actions() {
        return actions;
    }

    public StatusLinkViewModel statusLink() {
        return statusLink;
    }

    /** The open alerts' banner (README, "Alerts"). */
    public org.queuedesk.desktop.alert.AlertBannerViewModel alerts() {
        return alerts;
    }

    /** One line per kiosk whose printer is in trouble ("Kiosk 'Lobby': out of paper"); empty when all print. */
    public ReadOnlyStringProperty printerWarningProperty() {
        return printerWarnings.warningProperty();
    }

    public TicketText text() {
        return text;
    }
}
