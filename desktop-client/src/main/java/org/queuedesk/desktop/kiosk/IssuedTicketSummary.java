package org.queuedesk.desktop.kiosk;

import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.queuedesk.desktop.ground.BidiText;

/**
 * The issued ticket as the confirmation and number screens show it: its number, the service, how many are
 * ahead, the estimated wait and how it reaches the patient, in the patient's language.
 */
public final class IssuedTicketSummary {

    private final KioskTexts texts;
    private final ReadOnlyObjectWrapper<KioskBackend.Issued> ticket = new ReadOnlyObjectWrapper<>(this, "ticket");
    private final ReadOnlyStringWrapper serviceName = new ReadOnlyStringWrapper(this, "serviceName", "");
    private final ReadOnlyStringWrapper peopleAhead = new ReadOnlyStringWrapper(this, "peopleAhead", "");
    private final ReadOnlyStringWrapper estimatedWait = new ReadOnlyStringWrapper(this, "estimatedWait", "");
    private final ReadOnlyStringWrapper delivery = new ReadOnlyStringWrapper(this, "delivery", "");

    IssuedTicketSummary(KioskTexts texts) {
        this.texts = texts;
    }

    /** The service chosen, named as the patient reads it (the ticket follows). */
    void service(String name) {
        serviceName.set(name);
    }

    void show(KioskBackend.Issued issued) {
        ticket.set(issued);
        peopleAhead.set(issued.peopleAhead() == null ? ""
                : texts.format("kiosk.done.ahead", issued.peopleAhead()));
        estimatedWait.set(issued.waitMinMinutes() == null || issued.waitMaxMinutes() == null
                ? texts.text("kiosk.done.waitUnknown")
                : texts.format("kiosk.done.wait", issued.waitMinMinutes(), issued.waitMaxMinutes()));
    }

    /**
     * A checked-in appointment: its time where a walk-in reads the people ahead (and on the paper), no wait
     * estimate (the slot's time is the patient's). Late, it says they are called by arrival.
     */
    void appointment(String localTime, boolean late) {
        String time = BidiText.leftToRight(localTime);
        peopleAhead.set(texts.format(late ? "kiosk.checkIn.late" : "kiosk.checkIn.slot", time));
        estimatedWait.set("");
    }

    /** How the ticket reaches the patient: printing, printed, not printed, or texted to a masked number. */
    void delivery(String text) {
        delivery.set(text);
    }

    void clear() {
        ticket.set(null);
        serviceName.set("");
        peopleAhead.set("");
        estimatedWait.set("");
        delivery.set("");
    }

    public ReadOnlyObjectProperty<KioskBackend.Issued> ticketProperty() {
        return ticket.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty serviceNameProperty() {
        return serviceName.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty peopleAheadProperty() {
        return peopleAhead.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty estimatedWaitProperty() {
        return estimatedWait.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty deliveryProperty() {
        return delivery.getReadOnlyProperty();
    }
}
