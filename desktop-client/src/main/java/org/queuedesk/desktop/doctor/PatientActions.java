package org.queuedesk.desktop.doctor;

import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ObservableBooleanValue;
import org.queuedesk.common.queue.SessionDto;
import org.queuedesk.common.ticket.TicketDto;
import org.queuedesk.desktop.api.ApiException;
import org.queuedesk.desktop.api.QueueDeskClient;
import org.queuedesk.desktop.api.QueueDeskClient.PatientAction;
import org.queuedesk.desktop.ground.Confirmation;
import org.queuedesk.desktop.ground.PendingConfirmation;
import org.queuedesk.desktop.live.DeskAction;
import org.queuedesk.desktop.live.DeskRequests;
import org.queuedesk.desktop.live.LiveSite;
import org.queuedesk.desktop.live.TicketText;
import org.queuedesk.desktop.live.TransferForm;

/**
 * What the doctor does with patients: the big Next, then recall, serve, no-show (asked first), done, transfer.
 * Next sends the patient the desk believes is current as {@code expectedCurrentTicketId}, so a second click can
 * never finish a patient nobody has seen; each button is enabled only where the current patient's state
 * allows it. A refused action reads the session again: the server knows better.
 */
public final class PatientActions {

    private final LiveSite live;
    private final DeskRequests requests;
    private final PendingConfirmation confirmation;
    private final TicketText text;
    private final ReadOnlyObjectProperty<SessionDto> session;
    private final ReadOnlyObjectProperty<TicketDto> current;
    private final Consumer<SessionDto> nextAnswered;
    private final Runnable reloadSession;
    private final TransferForm transfer = new TransferForm(true);
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");

    private final ObservableBooleanValue canAct;
    private final BooleanBinding canNext;
    private final BooleanBinding canServe;
    private final BooleanBinding canRecall;
    private final BooleanBinding canNoShow;
    private final BooleanBinding canDone;
    private final BooleanBinding canTransfer;

    /**
     * @param canAct       a session is open, the desk online and no request on its way
     * @param paused       the session is paused: no Next
     * @param nextAnswered takes the session as Next left it
     */
    PatientActions(LiveSite live, DeskRequests requests, PendingConfirmation confirmation, TicketText text,
                   ReadOnlyObjectProperty<SessionDto> session, ReadOnlyObjectProperty<TicketDto> current,
                   ObservableBooleanValue canAct, ObservableBooleanValue paused, Consumer<SessionDto> nextAnswered,
                   Runnable reloadSession) {
        this.live = live;
        this.requests = requests;
        this.confirmation = confirmation;
        this.text = text;
        this.session = session;
        this.current = current;
        this.canAct = canAct;
        this.nextAnswered = nextAnswered;
        this.reloadSession = reloadSession;
        canNext = Bindings.createBooleanBinding(() -> canAct.get() && !paused.get(), canAct, paused);
        canServe = allowed(DeskAction.SERVE);
        canRecall = allowed(DeskAction.RECALL);
        canNoShow = allowed(DeskAction.NO_SHOW);
        canDone = allowed(DeskAction.DONE);
        canTransfer = allowed(DeskAction.TRANSFER);
        current.addListener((o, before, now) -> {
            // another patient: the transfer target and "return here" chosen for the last one do not carry over
            if (before == null || now == null || before.id() != now.id()) {
                transfer.startAfresh();
                confirmation.dismiss();
            }
        });
    }

    private BooleanBinding allowed(DeskAction action) {
        return Bindings.createBooleanBinding(() -> canAct.get() && current.get() != null
                && action.allows(current.get().state()), canAct, current);
    }

    /** Next (also Space and Enter). Ignored while a request is in flight, so a double press is one Next. */
    public void next() {
        SessionDto now = session.get();
        if (now == null || !canNext.get()) {
            return;
        }
        long expected = current.get() == null ? 0 : current.get().id();
        QueueDeskClient client = live.client();
        error.set("");
        requests.send("next:" + now.id() + ":" + expected, key -> client.next(now.id(), expected, key), result -> {
            if (result.finished() != null) {
                live.put(result.finished());
            }
            if (result.called() != null) {
                live.put(result.called());
            }
            nextAnswered.accept(result.session());
            if (result.called() == null) {
                error.set(text.format("doctor.next.empty"));
            }
        }, this::failed);
    }

    public void recall() {
        patient(PatientAction.RECALL);
    }

    public void serve() {
        patient(PatientAction.SERVE);
    }

    /** The patient leaves the queue (reception can put them back): asks first, naming the ticket. */
    public void noShow() {
        TicketDto patient = current.get();
        if (patient == null || !canNoShow.get()) {
            return;
        }
        confirmation.ask(new Confirmation(text.format("doctor.noShow.confirm.title", patient.number()),
                text.format("doctor.noShow.confirm.message", patient.number()),
                text.format("doctor.noShow.confirm.yes"), text.format("confirm.keep"), () -> {
                    // only for the patient the doctor was asked about
                    if (current.get() != null && current.get().id() == patient.id()) {
                        patient(PatientAction.NO_SHOW);
                    }
                }));
    }

    public void done() {
        patient(PatientAction.DONE);
    }

    private void patient(PatientAction which) {
        SessionDto now = session.get();
        if (now == null || current.get() == null || !canAct.get()) {
            return;
        }
        QueueDeskClient client = live.client();
        error.set("");
        requests.send(which + ":" + now.id() + ":" + current.get().id(),
                key -> client.patientAction(now.id(), which, key), this::changed, this::failed);
    }

    /** Sends the current patient to another service; with "return" they come back here afterwards. */
    public void transfer() {
        SessionDto now = session.get();
        TicketDto patient = current.get();
        if (now == null || patient == null || !canAct.get()) {
            return;
        }
        if (transfer.request().isEmpty()) {
            error.set(text.format("reception.transfer.error.target"));
            return;
        }
        var request = transfer.request().get();
        QueueDeskClient client = live.client();
        error.set("");
        requests.send("transfer:" + patient.id() + ":" + request.toServiceId() + ":" + request.returnAfter(),
                key -> client.transfer(patient.id(), request, key), this::changed, this::failed);
    }

    private void changed(TicketDto ticket) {
        live.put(ticket);
        reloadSession.run();
    }

    /** Says why a request of the session failed; a refusal means the desk's picture is old: read it again. */
    void failed(Throwable failure) {
        error.set(text.failure(failure));
        if (failure instanceof ApiException) {
            reloadSession.run();
        }
    }

    void clearError() {
        error.set("");
    }

    public TransferForm transferForm() {
        return transfer;
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public BooleanBinding canNextProperty() {
        return canNext;
    }

    public BooleanBinding canServeProperty() {
        return canServe;
    }

    public BooleanBinding canRecallProperty() {
        return canRecall;
    }

    public BooleanBinding canNoShowProperty() {
        return canNoShow;
    }

    public BooleanBinding canDoneProperty() {
        return canDone;
    }

    public BooleanBinding canTransferProperty() {
        return canTransfer;
    }
}
