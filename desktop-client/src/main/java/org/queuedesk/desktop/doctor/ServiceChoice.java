package org.queuedesk.desktop.doctor;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import org.queuedesk.common.site.ServiceDto;

/** A service the doctor may tick when opening a session. */
public final class ServiceChoice {

    private final ServiceDto service;
    private final BooleanProperty chosen = new SimpleBooleanProperty(this, "chosen", false);

    public ServiceChoice(ServiceDto service) {
        this.service = service;
    }

    public ServiceDto service() {
        return service;
    }

    public BooleanProperty chosenProperty() {
        return chosen;
    }

    @Override
    public String toString() {
        return service.prefix() + " \u00b7 " + service.name();
    }
}
