package org.queuedesk.desktop.reception;

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
import javafx.collections.ObservableList;
import org.queuedesk.common.site.ServiceDto;
import org.queuedesk.common.ticket.IssueTicketRequest;
import org.queuedesk.common.ticket.Priority;
import org.queuedesk.common.ticket.TicketSource;
import org.queuedesk.desktop.api.ApiException;
import org.queuedesk.desktop.api.QueueDeskClient;
import org.queuedesk.desktop.ground.BackgroundExecutor;
import org.queuedesk.desktop.live.DeskRequests;
import org.queuedesk.desktop.live.LiveSite;
import org.queuedesk.desktop.live.TicketText;

/**
 * Reception's issuing form, built for the keyboard: a service's shortcut (F1, F2, …) picks it and Enter issues,
 * so the common case is two keystrokes; name, phone and priority are optional. A phone number the server
 * refuses is explained by the phone field itself; a fixed field takes its complaint away.
 */
public final class IssueForm {

    private final LiveSite live;
    private final TicketText text;
    private final ObservableList<ServiceDto> services;
    private final DeskRequests issuing;
    private final IntegerProperty selectedService = new SimpleIntegerProperty(this, "selectedService", -1);
    private final StringProperty patientName = new SimpleStringProperty(this, "patientName", "");
    private final StringProperty phone = new SimpleStringProperty(this, "phone", "");
    private final ObjectProperty<Priority> priority = new SimpleObjectProperty<>(this, "priority", Priority.NORMAL);
    private final ReadOnlyStringWrapper issuedNumber = new ReadOnlyStringWrapper(this, "issuedNumber", "");
    private final ReadOnlyStringWrapper issuedDetail = new ReadOnlyStringWrapper(this, "issuedDetail", "");
    private final ReadOnlyStringWrapper issueError = new ReadOnlyStringWrapper(this, "issueError", "");
    private final ReadOnlyStringWrapper phoneError = new ReadOnlyStringWrapper(this, "phoneError", "");
    private final ReadOnlyStringWrapper selectedServiceName = new ReadOnlyStringWrapper(this, "selectedServiceName", "");
    private final BooleanBinding canIssue;

    /** @param services the site's services in shortcut order (a live list) */
    IssueForm(LiveSite live, BackgroundExecutor background, TicketText text, ObservableList<ServiceDto> services) {
        this.live = live;
        this.text = text;
        this.services = services;
        this.issuing = new DeskRequests(background);
        canIssue = Bindings.createBooleanBinding(
                () -> live.onlineProperty().get() && selectedService.get() >= 0 && !issuing.isBusy(),
                live.onlineProperty(), selectedService, issuing.busyProperty());
        selectedService.addListener((o, before, now) -> {
            issueError.set("");
            selectedServiceName.set(serviceAt(now.intValue()).map(ServiceDto::name).orElse(""));
        });
        phone.addListener((o, before, now) -> phoneError.set("")); // correcting it takes the reason away
        patientName.addListener((o, before, now) -> issueError.set(""));
    }

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
        QueueDeskClient client = live.client();
        issueError.set("");
        phoneError.set("");
        issuing.send("issue:" + request, key -> client.issue(request, key), ticket -> {
            issuedNumber.set(ticket.number());
            issuedDetail.set(text.format("reception.issued.detail", service.name(), text.priority(ticket.priority())));
            patientName.set("");
            phone.set("");
            priority.set(Priority.NORMAL);
            selectedService.set(-1);
            live.put(ticket);
        }, error -> {
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

    private Optional<ServiceDto> serviceAt(int index) {
        return index >= 0 && index < services.size() ? Optional.of(services.get(index)) : Optional.empty();
    }

    /** The services changed: the same shortcut stays chosen while there still is such a service. */
    void servicesChanged(int selectedBefore) {
        selectedService.set(selectedBefore < services.size() ? selectedBefore : -1);
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
        return issuing.busyProperty();
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
}
