package org.queuedesk.desktop.reception;

import java.io.IOException;
import java.util.Optional;
import java.util.function.LongConsumer;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import org.queuedesk.common.ticket.Priority;
import org.queuedesk.common.ticket.TicketDto;
import org.queuedesk.desktop.api.ApiException;
import org.queuedesk.desktop.api.QueueDeskClient;
import org.queuedesk.desktop.ground.BackgroundExecutor;
import org.queuedesk.desktop.ground.Confirmation;
import org.queuedesk.desktop.ground.PendingConfirmation;
import org.queuedesk.desktop.live.DeskAction;
import org.queuedesk.desktop.live.DeskRequests;
import org.queuedesk.desktop.live.LiveSite;
import org.queuedesk.desktop.live.TicketText;
import org.queuedesk.desktop.live.TransferForm;

/**
 * What reception does to the chosen ticket: cancel (final, so it asks first), requeue, change its priority,
 * transfer it. Each button is enabled only where the ticket's state allows its action; the outcome shows in one
 * fixed place. Nothing chosen for one ticket (a transfer target, a question) carries over to the next.
 */
public final class TicketActions {

    private final LiveSite live;
    private final TicketText text;
    private final ObjectProperty<TicketRow> selected;
    private final LongConsumer select;
    private final DeskRequests requests;
    private final PendingConfirmation confirmation = new PendingConfirmation();
    private final TransferForm transfer = new TransferForm(false);
    private final ObjectProperty<Priority> newPriority = new SimpleObjectProperty<>(this, "newPriority", Priority.NORMAL);
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private final ReadOnlyStringWrapper info = new ReadOnlyStringWrapper(this, "info", "");

    private final BooleanBinding canAct;
    private final BooleanBinding canCancel;
    private final BooleanBinding canRequeue;
    private final BooleanBinding canChangePriority;
    private final BooleanBinding canTransfer;
    private final BooleanBinding canShowStatusLink;

    /**
     * @param selected the row chosen in the tickets table
     * @param select   chooses the row of a ticket by id (the one an action just changed)
     */
    TicketActions(LiveSite live, BackgroundExecutor background, TicketText text, ObjectProperty<TicketRow> selected,
                  LongConsumer select) {
        this.live = live;
        this.text = text;
        this.selected = selected;
        this.select = select;
        this.requests = new DeskRequests(background);
        canAct = Bindings.createBooleanBinding(
                () -> live.onlineProperty().get() && selected.get() != null && !requests.isBusy(),
                live.onlineProperty(), selected, requests.busyProperty());
        canCancel = allowed(DeskAction.CANCEL);
        canRequeue = allowed(DeskAction.REQUEUE);
        canChangePriority = allowed(DeskAction.CHANGE_PRIORITY);
        canTransfer = allowed(DeskAction.TRANSFER);
        canShowStatusLink = allowed(DeskAction.STATUS_LINK);
        selected.addListener((o, before, now) -> {
            // every refresh re-sets the row with fresh words; only another ticket starts the actions afresh
            if (before == null || now == null || before.id() != now.id()) {
                startAfresh();
            }
        });
    }

    private BooleanBinding allowed(DeskAction action) {
        return Bindings.createBooleanBinding(() -> canAct.get() && chosen().map(t -> action.allows(t.state())).orElse(false),
                canAct, selected);
    }

    /** Another ticket: nothing chosen for the last one (transfer target, return, a question) carries over. */
    private void startAfresh() {
        error.set("");
        info.set("");
        confirmation.dismiss();
        transfer.startAfresh();
        newPriority.set(chosen().map(TicketDto::priority).orElse(Priority.NORMAL));
    }

    /** The chosen ticket as the live board knows it now. */
    Optional<TicketDto> chosen() {
        TicketRow row = selected.get();
        return row == null ? Optional.empty() : live.board().ticket(row.id());
    }

    /** Cancelling is final (the number is never given again): it asks first, naming the ticket and patient. */
    public void cancel() {
        Optional<TicketDto> ticket = chosen();
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
        transfer.request().ifPresentOrElse(request -> act("transfer:" + request.toServiceId() + ":" + request.returnAfter(),
                        (client, id, key) -> client.transfer(id, request, key), "reception.action.transferred"),
                () -> error.set(text.format("reception.transfer.error.target")));
    }

    public void requeue() {
        act("requeue", (client, id, key) -> client.requeue(id, key), "reception.action.requeued");
    }

    @FunctionalInterface
    private interface TicketCall {
        TicketDto call(QueueDeskClient client, long ticketId, String key) throws IOException, InterruptedException, ApiException;
    }

    private void act(String name, TicketCall call, String doneKey) {
        chosen().ifPresent(ticket -> act(ticket.id(), name, call, doneKey));
    }

    /** Acts on ticket {@code id}, the one the user chose even if a confirmation came in between. */
    private void act(long id, String name, TicketCall call, String doneKey) {
        if (!canAct.get()) {
            return;
        }
        QueueDeskClient client = live.client();
        error.set("");
        info.set("");
        requests.send(name + ":" + id, key -> call.call(client, id, key), result -> {
            live.put(result);
            info.set(text.format(doneKey, result.number()));
            select.accept(result.id());
        }, failure -> error.set(text.failure(failure)));
    }

    /** Says what went wrong with an action on the chosen ticket, where its outcomes show. */
    void failed(String reason) {
        error.set(reason);
    }

    public ObjectProperty<Priority> newPriorityProperty() {
        return newPriority;
    }

    public TransferForm transferForm() {
        return transfer;
    }

    /** The question waiting for an answer before a final action (cancel), if any. */
    public PendingConfirmation confirmation() {
        return confirmation;
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty infoProperty() {
        return info.getReadOnlyProperty();
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
}
