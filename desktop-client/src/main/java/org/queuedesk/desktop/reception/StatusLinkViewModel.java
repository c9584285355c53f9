package org.queuedesk.desktop.reception;

import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.queuedesk.common.notify.StatusLinkDto;
import org.queuedesk.common.ticket.TicketDto;
import org.queuedesk.desktop.api.QueueDeskClient;
import org.queuedesk.desktop.ground.BackgroundExecutor;
import org.queuedesk.desktop.live.LiveSite;
import org.queuedesk.desktop.live.TicketText;

/**
 * A ticket's status page link as reception shows it: a card with a QR code the patient scans, and a slip with
 * the same code printed on the computer's printer. The card says how the printing went.
 */
public final class StatusLinkViewModel {

    private static final Logger LOG = Logger.getLogger(StatusLinkViewModel.class.getName());

    private final LiveSite live;
    private final BackgroundExecutor background;
    private final TicketText text;
    private final StatusSlipPrinter slipPrinter;
    private final ReadOnlyObjectWrapper<StatusLinkCard> card = new ReadOnlyObjectWrapper<>(this, "card");
    private final ReadOnlyStringWrapper info = new ReadOnlyStringWrapper(this, "info", "");
    private final ReadOnlyBooleanWrapper printing = new ReadOnlyBooleanWrapper(this, "printing", false);

    StatusLinkViewModel(LiveSite live, BackgroundExecutor background, TicketText text, StatusSlipPrinter slipPrinter) {
        this.live = live;
        this.background = background;
        this.text = text;
        this.slipPrinter = slipPrinter;
    }

    /** Reads {@code ticket}'s link and shows its card; {@code problem} hears why there is none. */
    void show(TicketDto ticket, Consumer<String> problem) {
        QueueDeskClient client = live.client();
        background.run(() -> client.statusLink(ticket.id()), link -> {
            if (link.isEmpty()) {
                problem.accept(text.format("reception.statusLink.none"));
            } else {
                info.set("");
                card.set(card(ticket, link.get()));
            }
        }, error -> problem.accept(text.failure(error)));
    }

    private StatusLinkCard card(TicketDto ticket, StatusLinkDto link) {
        String until = link.expiresAt() == null ? ""
                : text.format("reception.statusLink.validUntil", java.util.Date.from(link.expiresAt()));
        return new StatusLinkCard(ticket.id(), ticket.number(), link.url(), until);
    }

    public void close() {
        card.set(null);
        info.set("");
    }

    /** Prints the shown link as a slip with its QR code, on the background seam; the card says how it went. */
    public void print() {
        StatusLinkCard shown = card.get();
        if (shown == null || printing.get()) {
            return;
        }
        printing.set(true);
        info.set(text.format("reception.statusLink.printing"));
        background.run(() -> {
            slipPrinter.print(shown);
            return Boolean.TRUE;
        }, ok -> {
            printing.set(false);
            info.set(text.format("reception.statusLink.printed", shown.number()));
        }, error -> {
            printing.set(false);
            LOG.log(Level.INFO, "Cannot print a status slip", error);
            info.set(text.format("reception.statusLink.printFailed",
                    error.getMessage() != null ? error.getMessage() : text.failure(error))); // never "null"
        });
    }

    /** The status link shown as a QR code, or null while none is shown. */
    public ReadOnlyObjectProperty<StatusLinkCard> cardProperty() {
        return card.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty infoProperty() {
        return info.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty printingProperty() {
        return printing.getReadOnlyProperty();
    }
}
