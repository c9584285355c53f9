package org.queuedesk.desktop.live;

import java.util.Optional;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import org.queuedesk.common.site.ServiceDto;
import org.queuedesk.common.ticket.TransferRequest;

/**
 * A desk's transfer form: the service a patient is sent to, and whether they come back afterwards. Neither
 * carries over to the next ticket; each desk says whether "return here" starts ticked.
 */
public final class TransferForm {

    private final boolean returnsByDefault;
    private final ObjectProperty<ServiceDto> target = new SimpleObjectProperty<>(this, "target");
    private final BooleanProperty returns;

    public TransferForm(boolean returnsByDefault) {
        this.returnsByDefault = returnsByDefault;
        this.returns = new SimpleBooleanProperty(this, "returns", returnsByDefault);
    }

    /** Another ticket: nothing chosen for the last one stays. */
    public void startAfresh() {
        target.set(null);
        returns.set(returnsByDefault);
    }

    /** The request as the form reads now; empty while no service is chosen. */
    public Optional<TransferRequest> request() {
        ServiceDto to = target.get();
        return to == null ? Optional.empty() : Optional.of(new TransferRequest(to.id(), returns.get()));
    }

    public ObjectProperty<ServiceDto> targetProperty() {
        return target;
    }

    public BooleanProperty returnsProperty() {
        return returns;
    }
}
