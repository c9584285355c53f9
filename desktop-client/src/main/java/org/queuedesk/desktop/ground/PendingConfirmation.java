package org.queuedesk.desktop.ground;

import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

/** The one question a view-model is waiting on, if any. The view shows it; the view-model decides what it does. */
public final class PendingConfirmation {

    private final ReadOnlyObjectWrapper<Confirmation> pending = new ReadOnlyObjectWrapper<>(this, "pending");

    public void ask(Confirmation question) {
        pending.set(question);
    }

    /** Runs the confirmed action once; a second click on a closing overlay does nothing. */
    public void confirm() {
        Confirmation question = pending.get();
        pending.set(null);
        if (question != null) {
            question.onConfirm().run();
        }
    }

    public void dismiss() {
        pending.set(null);
    }

    public boolean isPending() {
        return pending.get() != null;
    }

    public ReadOnlyObjectProperty<Confirmation> property() {
        return pending.getReadOnlyProperty();
    }
}
